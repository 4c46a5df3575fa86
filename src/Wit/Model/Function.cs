using System.Collections.Generic;

namespace WitSharp.Wit;

/// <summary>How a function relates to a resource (WIT.md "Item: resource").</summary>
public enum FunctionKindTag : byte
{
    Freestanding,
    AsyncFreestanding,
    Method,
    AsyncMethod,
    Static,
    AsyncStatic,
    Constructor,
}

/// <summary>A parameter.</summary>
public sealed record Param(string Name, WitType Type);

/// <summary>A function: freestanding, or a resource's constructor/method/static function.</summary>
public sealed class Function
{
    internal Function(string name, FunctionKindTag kind, int resourceTypeId, IReadOnlyList<Param> @params, WitType? result, Docs docs, Stability stability)
    {
        Name = name;
        Kind = kind;
        ResourceTypeId = resourceTypeId;
        Params = @params;
        Result = result;
        Docs = docs;
        Stability = stability;
    }

    /// <summary>The name, mangled for resource functions (<c>[method]r.f</c>, <c>[constructor]r</c>).</summary>
    public string Name { get; internal set; }

    public FunctionKindTag Kind { get; }

    /// <summary>The resource type id for methods, statics and constructors; -1 otherwise.</summary>
    public int ResourceTypeId { get; internal set; }

    /// <summary>Parameters; methods have an implicit first <c>self: borrow&lt;r&gt;</c>.</summary>
    public IReadOnlyList<Param> Params { get; internal set; }

    public WitType? Result { get; internal set; }

    public Docs Docs { get; }

    public Stability Stability { get; }

    /// <summary>Whether the function is declared <c>async</c>.</summary>
    public bool IsAsync => Kind is FunctionKindTag.AsyncFreestanding or FunctionKindTag.AsyncMethod or FunctionKindTag.AsyncStatic;

    internal Function With(int resourceTypeId, IReadOnlyList<Param> ps, WitType? result) =>
        new(Name, Kind, resourceTypeId, ps, result, Docs, Stability);

    /// <summary>A shallow copy (parameters list copied) that the resolver may rename or re-point.</summary>
    internal Function Copy() => new(Name, Kind, ResourceTypeId, new List<Param>(Params), Result, Docs, Stability);
}
