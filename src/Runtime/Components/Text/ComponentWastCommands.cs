using WitSharp.Core.Text;

namespace WitSharp.Components.Text;

/// <summary>How a component (or core module) is written in a script.</summary>
internal enum ComponentWastForm : byte
{
    Text,
    Binary,
    Quote,
}

/// <summary>A component or core module written in a script, kept as source so that assertions about
/// malformed text can observe the parse error when (and only when) the runner encodes it.</summary>
/// <param name="Line">1-based line of the definition.</param>
/// <param name="Name">The <c>$id</c>, if any.</param>
/// <param name="Form">Text, binary or quote form.</param>
/// <param name="IsCoreModule">True for <c>(module …)</c> / <c>(core module …)</c> at script level.</param>
/// <param name="IsDefinition">True for <c>(component definition …)</c>: defined, not instantiated.</param>
/// <param name="Source">The whole form.</param>
internal sealed record ComponentWastModule(int Line, string? Name, ComponentWastForm Form, bool IsCoreModule, bool IsDefinition, SExpr Source)
{
    /// <summary>Encodes the definition: a component binary, or a core module binary for <see cref="IsCoreModule"/>.</summary>
    /// <exception cref="MalformedException">The text is malformed.</exception>
    public byte[] Encode()
    {
        if (!IsCoreModule)
        {
            if (!IsDefinition) return ComponentWat.ComponentSource(Source);
            var items = Source.Items;
            var rest = new List<SExpr> { items[0] };
            rest.AddRange(items.GetRange(2, items.Count - 2));
            return ComponentWat.ComponentSource(new SExpr(SExprKind.List, "", Source.Line, Source.Column, Source.Start) { Items = rest });
        }
        var m = Source.Items[0].IsKeyword("core")
            ? new SExpr(SExprKind.List, "", Source.Line, Source.Column, Source.Start) { Items = Source.Items.GetRange(1, Source.Items.Count - 1) }
            : Source;
        return WatParser.ModuleSource(m);
    }
}

/// <summary>A component-model value in a script (wasmtime's wast value syntax: <c>(u32.const 1)</c>,
/// <c>(str.const "a")</c>, <c>(record.const (field "a" u32.const 1))</c>, <c>(variant.const "c" v?)</c>,
/// <c>(option.some v)</c>, <c>(result.ok v?)</c>, …).</summary>
/// <param name="Kind">The constructor: <c>u32</c>, <c>str</c>, <c>char</c>, <c>bool</c>, <c>list</c>, <c>record</c>,
/// <c>tuple</c>, <c>variant</c>, <c>enum</c>, <c>flags</c>, <c>option.some</c>, <c>option.none</c>, <c>result.ok</c>, <c>result.err</c>, ….</param>
/// <param name="Scalar">Literal text of a scalar (number text, decoded string or char, <c>true</c>/<c>false</c>), or null.</param>
/// <param name="Labels">Case name of a variant, enum case, or the set flags; record field names in order.</param>
/// <param name="Items">Nested values (list elements, record fields, tuple items, the payload).</param>
internal sealed record ComponentValue(string Kind, string? Scalar, IReadOnlyList<string> Labels, IReadOnlyList<ComponentValue> Items)
{
    public override string ToString()
    {
        var parts = new List<string> { Kind };
        if (Scalar is not null) parts.Add(Scalar);
        parts.AddRange(Labels.Select(l => "\"" + l + "\""));
        parts.AddRange(Items.Select(i => i.ToString()));
        return "(" + string.Join(" ", parts) + ")";
    }
}

/// <summary>An invocation of a component export.</summary>
internal sealed record ComponentWastAction(int Line, string? InstanceName, string Export, IReadOnlyList<ComponentValue> Args);

internal abstract record ComponentWastCommand(int Line);

/// <summary>A component or core module definition (instantiated unless <see cref="ComponentWastModule.IsDefinition"/>).</summary>
internal sealed record ComponentWastDefine(ComponentWastModule Module) : ComponentWastCommand(Module.Line);

/// <summary><c>(component instance $i $definition)</c>.</summary>
internal sealed record ComponentWastInstance(int Line, string? Name, string Definition) : ComponentWastCommand(Line);

/// <summary><c>(register "name" $i?)</c>.</summary>
internal sealed record ComponentWastRegister(int Line, string Name, string? InstanceName) : ComponentWastCommand(Line);

/// <summary>A bare <c>(invoke …)</c>.</summary>
internal sealed record ComponentWastInvoke(ComponentWastAction Action) : ComponentWastCommand(Action.Line);

/// <summary><c>(assert_return (invoke …) value*)</c>.</summary>
internal sealed record ComponentWastAssertReturn(int Line, ComponentWastAction Action, IReadOnlyList<ComponentValue> Expected) : ComponentWastCommand(Line);

/// <summary><c>(assert_trap (invoke …) "msg")</c>, or a trap during instantiation of <see cref="Module"/>.</summary>
internal sealed record ComponentWastAssertTrap(int Line, ComponentWastAction? Action, ComponentWastModule? Module, string Message) : ComponentWastCommand(Line);

internal enum ComponentWastAssertion : byte
{
    Invalid,
    Malformed,
    Unlinkable,
}

/// <summary><c>assert_invalid</c>, <c>assert_malformed</c> or <c>assert_unlinkable</c> on a definition.</summary>
internal sealed record ComponentWastAssertModule(int Line, ComponentWastAssertion Kind, ComponentWastModule Module, string Message) : ComponentWastCommand(Line);
