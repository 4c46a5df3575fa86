using System.Collections.Concurrent;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// What instantiation derives from a component's definitions alone, computed on first use and shared by every
/// later instantiation of that <see cref="Component"/> (the role of wasmtime's translation-time
/// <c>Component</c> info, which it builds once per compile): resolved value and function types and the
/// diagnostic names of lifted functions. Nothing here depends on a store or on the imports, so instances keep
/// doing only what must be fresh: core instances, flags, resource types, handle tables and bound functions.
/// </summary>
internal sealed class InstantiationPlan
{
    // Keyed by definition node (reference identity): definitions are immutable and belong to one binary.
    private readonly ConcurrentDictionary<object, object> _types = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<object, string> _names = new(ReferenceEqualityComparer.Instance);

    // Marks a type definition whose resolution depends on the instance (it mentions a resource).
    private static readonly object PerInstance = new();

    /// <summary>
    /// The resolved type of a top-level type definition. A definition is resolved once and reused when its
    /// result mentions no resource: resource types are fresh per instance (Explainer.md "Resource types"), so a
    /// handle type (and anything containing one) must be resolved against each instance's own scope. Other
    /// value and function types resolve to the same structure every time, because at the top level the only
    /// per-instance types in scope are resources (imported value types are equal to their bound).
    /// </summary>
    public object TopLevelType(Scope scope, TypeDefinition t)
    {
        if (_types.TryGetValue(t, out var cached))
        {
            // A definition found to mention a resource is resolved again for each instance, without re-checking.
            return ReferenceEquals(cached, PerInstance) ? TypeResolver.Define(scope, t.Type) : cached;
        }
        var resolved = TypeResolver.Define(scope, t.Type);
        _types.TryAdd(t, IsInstanceIndependent(resolved) ? resolved : PerInstance);
        return resolved;
    }

    /// <summary>The name a lifted function carries until it is exported (error messages only).</summary>
    public string LiftName(CanonDefinition c) => _names.GetOrAdd(c, static d => "func@" + ((CanonDefinition)d).Offset);

    private static bool IsInstanceIndependent(object resolved) => resolved switch
    {
        CanonFuncType f => f.Parameters.All(NoHandle) && (f.Result is null || NoHandle(f.Result)),
        CanonType v => NoHandle(v),
        _ => false,
    };

    private static bool NoHandle(CanonType t) => t switch
    {
        HandleCanonType => false,
        ListCanonType l => NoHandle(l.Element),
        RecordCanonType r => r.Fields.All(NoHandle),
        VariantCanonType v => v.Cases.All(c => c is null || NoHandle(c)),
        PrimitiveCanonType or FlagsCanonType => true,
        // An unknown kind of type is not assumed to be shareable.
        _ => false,
    };
}
