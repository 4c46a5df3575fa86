namespace WitSharp.Components.Text;

/// <summary>The index spaces of a component (Explainer.md "Index spaces"): the thirteen sorts an
/// identifier can name. The numbering is internal; <see cref="SortCodes"/> gives the binary form.</summary>
internal enum TextSort : byte
{
    CoreFunc,
    CoreTable,
    CoreMemory,
    CoreGlobal,
    CoreTag,
    CoreType,
    CoreModule,
    CoreInstance,
    Func,
    Value,
    Type,
    Component,
    Instance,
}

/// <summary>Binary codes and text keywords of <see cref="TextSort"/> (Binary.md "Instance Definitions": sort, core:sort).</summary>
internal static class SortCodes
{
    public const int Count = 13;

    /// <summary>The <c>core:sort</c> byte of a core sort.</summary>
    public static byte CoreByte(TextSort s) => s switch
    {
        TextSort.CoreFunc => 0x00,
        TextSort.CoreTable => 0x01,
        TextSort.CoreMemory => 0x02,
        TextSort.CoreGlobal => 0x03,
        TextSort.CoreTag => 0x04,
        TextSort.CoreType => 0x10,
        TextSort.CoreModule => 0x11,
        TextSort.CoreInstance => 0x12,
        _ => throw new InvalidOperationException("not a core sort: " + s),
    };

    public static bool IsCore(TextSort s) => s <= TextSort.CoreInstance;

    /// <summary>Appends the <c>sort</c> encoding: <c>0x00 core:sort</c> or the component sort byte.</summary>
    public static void Write(List<byte> o, TextSort s)
    {
        if (IsCore(s)) { o.Add(0x00); o.Add(CoreByte(s)); return; }
        o.Add(s switch
        {
            TextSort.Func => 0x01,
            TextSort.Value => 0x02,
            TextSort.Type => 0x03,
            TextSort.Component => 0x04,
            _ => 0x05,
        });
    }

    /// <summary>Component-level sort keyword (after an optional <c>core</c>).</summary>
    public static TextSort? FromKeyword(string kw, bool core) => core
        ? kw switch
        {
            "func" => TextSort.CoreFunc,
            "table" => TextSort.CoreTable,
            "memory" => TextSort.CoreMemory,
            "global" => TextSort.CoreGlobal,
            "tag" => TextSort.CoreTag,
            "type" => TextSort.CoreType,
            "module" => TextSort.CoreModule,
            "instance" => TextSort.CoreInstance,
            _ => null,
        }
        : kw switch
        {
            "func" => TextSort.Func,
            "value" => TextSort.Value,
            "type" => TextSort.Type,
            "component" => TextSort.Component,
            "instance" => TextSort.Instance,
            _ => null,
        };

    public static string Describe(TextSort s) => IsCore(s)
        ? "core " + s.ToString()[4..].ToLowerInvariant()
        : s.ToString().ToLowerInvariant();
}
