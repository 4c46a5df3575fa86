using WitSharp.Core;
using WitSharp.Wit.Binary;
using CoreValType = WitSharp.Core.ValType;
using FuncType = WitSharp.Core.FuncType;

namespace WitSharp.Components.Validation;

internal sealed partial class ComponentValidator
{
    private const int MaxFlatParams = 16;
    private const int MaxFlatResults = 1;

    /// <summary>Binary.md "Canonical Definitions" with CanonicalABI.md's flattening: lift checks the core function's
    /// type against the flattened component type, lower produces the flattened type; options are checked per use.</summary>
    private void Canon(CanonDefinition c)
    {
        var s = Current;
        switch (c.Kind)
        {
            case CanonKind.Lift:
            {
                var ft = s.FuncTypeAt(c.TypeIndex);
                var core = s.CoreFuncAt(c.FuncIndex);
                var o = Options(c.Options);
                if (c.Options.PostReturn is { } pr)
                {
                    var prt = s.CoreFuncAt(pr);
                    if (!prt.Params.AsSpan().SequenceEqual(core.Results) || prt.Results.Length != 0)
                        throw new ValidationError("canonical option `post-return` uses a core function with an incorrect signature");
                }
                if (o.IsAsync && !ft.IsAsync) throw new ValidationError("the `async` canonical option requires an async function type");
                var lowered = Lower(ft, o, lift: true);
                if (!lowered.Params.AsSpan().SequenceEqual(core.Params))
                    throw new ValidationError($"lowered parameter types `{CoreSubtyping.DebugList(lowered.Params)}` do not match parameter types `{CoreSubtyping.DebugList(core.Params)}` of core function {c.FuncIndex}");
                if (!lowered.Results.AsSpan().SequenceEqual(core.Results))
                    throw new ValidationError($"lowered result types `{CoreSubtyping.DebugList(lowered.Results)}` do not match result types `{CoreSubtyping.DebugList(core.Results)}` of core function {c.FuncIndex}");
                s.Funcs.Add(ft);
                break;
            }
            case CanonKind.Lower:
            {
                var ft = s.FuncAt(c.FuncIndex);
                var o = Options(c.Options);
                if (c.Options.PostReturn is not null) throw new ValidationError("canonical option `post-return` cannot be specified for lowerings");
                if (c.Options.Callback is not null) throw new ValidationError("canonical option `callback` cannot be specified for lowerings");
                if (o.IsAsync && !ft.IsAsync) throw new ValidationError("the `async` canonical option requires an async function type");
                s.CoreFuncs.Add(Lower(ft, o, lift: false));
                break;
            }
            case CanonKind.ResourceNew:
            {
                var rep = LocalResource(c.TypeIndex);
                s.CoreFuncs.Add(new FuncType([rep], [CoreValType.I32]));
                break;
            }
            case CanonKind.ResourceDrop:
                s.ResourceAt(c.TypeIndex);
                s.CoreFuncs.Add(new FuncType([CoreValType.I32], []));
                break;
            case CanonKind.ResourceRep:
            {
                var rep = LocalResource(c.TypeIndex);
                s.CoreFuncs.Add(new FuncType([CoreValType.I32], [rep]));
                break;
            }
            case CanonKind.TaskReturn:
            {
                var o = Options(c.Options);
                if (c.Options.Realloc is not null) throw new ValidationError("cannot specify `realloc` option on `task.return`");
                if (c.Options.PostReturn is not null) throw new ValidationError("cannot specify `post-return` option on `task.return`");
                var ps = c.HasResult ? new List<(string, CompValType)> { ("v", ResolveVal(c.Result)) } : [];
                s.CoreFuncs.Add(Lower(new FuncSig(false, ps, null), o with { IsAsync = false }, lift: false));
                break;
            }
            default:
                // 🔀 async and 🧵 threading built-ins: validated for their core signature only (the runtime
                // reports them as not supported when it translates the component).
                if (c.Kind is CanonKind.StreamRead or CanonKind.StreamWrite or CanonKind.FutureRead or CanonKind.FutureWrite
                    or CanonKind.ErrorContextNew or CanonKind.ErrorContextDebugMessage)
                    Options(c.Options);
                if (c.Kind is CanonKind.WaitableSetWait or CanonKind.WaitableSetPoll) s.MemoryAt(c.Immediate);
                s.CoreFuncs.Add(BuiltinSignature(c));
                break;
        }
    }

    private static FuncType BuiltinSignature(CanonDefinition c)
    {
        const CoreValType I = CoreValType.I32;
        var t = CoreSubtyping.Convert(c.CoreType);
        return c.Kind switch
        {
            CanonKind.TaskCancel or CanonKind.BackpressureInc or CanonKind.BackpressureDec => new([], []),
            CanonKind.ContextGet => new([], [t]),
            CanonKind.ContextSet => new([t], []),
            CanonKind.SubtaskDrop or CanonKind.StreamDropReadable or CanonKind.StreamDropWritable or CanonKind.FutureDropReadable
                or CanonKind.FutureDropWritable or CanonKind.ErrorContextDrop or CanonKind.WaitableSetDrop or CanonKind.ThreadResumeLater => new([I], []),
            CanonKind.SubtaskCancel or CanonKind.StreamCancelRead or CanonKind.StreamCancelWrite or CanonKind.FutureCancelRead
                or CanonKind.FutureCancelWrite or CanonKind.ThreadSpawnRef or CanonKind.ThreadSuspendThenResume or CanonKind.ThreadYieldThenResume
                or CanonKind.ThreadSuspendThenPromote or CanonKind.ThreadYieldThenPromote => new([I], [I]),
            CanonKind.StreamNew or CanonKind.FutureNew => new([], [CoreValType.I64]),
            CanonKind.StreamRead or CanonKind.StreamWrite => new([I, I, I], [I]),
            CanonKind.FutureRead or CanonKind.FutureWrite or CanonKind.ErrorContextNew or CanonKind.WaitableSetWait
                or CanonKind.WaitableSetPoll or CanonKind.ThreadNewIndirect or CanonKind.ThreadSpawnIndirect => new([I, I], [I]),
            CanonKind.ErrorContextDebugMessage or CanonKind.WaitableJoin => new([I, I], []),
            _ => new([], [I]),
        };
    }

    private CoreValType LocalResource(uint typeIndex)
    {
        var r = Current.ResourceAt(typeIndex);
        if (r.Resource.Representation is not { } rep || !Current.DefinedResources.Contains(r.Resource))
            throw new ValidationError($"type index {typeIndex} is not a local resource");
        return CoreSubtyping.Convert(rep);
    }

    private sealed record CheckedOptions(bool HasMemory, bool HasRealloc, bool IsAsync, bool HasCallback);

    private CheckedOptions Options(CanonOptions o)
    {
        var s = Current;
        if (!o.IsAsync && o.Callback is not null) throw new ValidationError("cannot specify callback without async");
        if (o.IsAsync && o.PostReturn is not null) throw new ValidationError("cannot specify post-return function in async");
        if (o.Memory is { } mem)
        {
            var mt = s.MemoryAt(mem);
            if (mt.Shared) throw new ValidationError("mismatch in the shared flag for memories");
            if (mt.Is64) throw new ValidationError("64-bit memories require the `cm64` feature to be enabled");
        }
        if (o.Realloc is { } realloc)
        {
            if (o.Memory is null) throw new ValidationError("canonical option `realloc` requires `memory` to also be specified");
            var ft = s.CoreFuncAt(realloc);
            if (ft.Params.Length != 4 || ft.Params.Any(p => p != CoreValType.I32) || ft.Results.Length != 1 || ft.Results[0] != CoreValType.I32)
                throw new ValidationError("canonical option `realloc` uses a core function with an incorrect signature");
        }
        return new CheckedOptions(o.Memory is not null, o.Realloc is not null, o.IsAsync, o.Callback is not null);
    }

    private static void RequireMemory(CheckedOptions o)
    {
        if (!o.HasMemory) throw new ValidationError("canonical option `memory` is required");
    }

    private static void RequireRealloc(CheckedOptions o)
    {
        RequireMemory(o);
        if (!o.HasRealloc) throw new ValidationError("canonical option `realloc` is required");
    }

    /// <summary>CanonicalABI.md <c>flatten_functype</c> with the option requirements wasm-tools applies.</summary>
    private static FuncType Lower(FuncSig f, CheckedOptions o, bool lift)
    {
        var ps = new List<CoreValType>();
        bool overflow = false;
        int maxParams = !lift && o.IsAsync ? 4 : MaxFlatParams;
        foreach (var (_, t) in f.Parameters)
        {
            if (TypeWalk.ContainsPointer(t))
            {
                if (lift) RequireRealloc(o);
                else RequireMemory(o);
            }
            if (!overflow) Flatten(t, ps);
            if (!overflow && ps.Count > maxParams)
            {
                overflow = true;
                RequireMemory(o);
                if (lift) RequireRealloc(o);
                break;
            }
        }
        if (overflow) ps = [CoreValType.I32];
        var rs = new List<CoreValType>();
        if (o.IsAsync)
        {
            // CanonicalABI.md async: a lowered call returns its status (results through a pointer); an async lift
            // returns through task.return, and only the callback form returns a code.
            if (!lift)
            {
                if (f.Result is not null) { RequireMemory(o); ps.Add(CoreValType.I32); }
                rs.Add(CoreValType.I32);
            }
            else
            {
                if (f.Result is { } ar)
                {
                    var tmp = new List<CoreValType>();
                    Flatten(ar, tmp);
                    if (tmp.Count > MaxFlatParams || TypeWalk.ContainsPointer(ar)) RequireMemory(o);
                }
                if (o.HasCallback) rs.Add(CoreValType.I32);
            }
            return new FuncType([.. ps], [.. rs]);
        }
        if (f.Result is { } r)
        {
            if (!lift && TypeWalk.ContainsPointer(r)) RequireRealloc(o);
            Flatten(r, rs);
            if (rs.Count > MaxFlatResults)
            {
                RequireMemory(o);
                rs.Clear();
                if (lift) rs.Add(CoreValType.I32);
                else ps.Add(CoreValType.I32);
            }
        }
        return new FuncType([.. ps], [.. rs]);
    }

    /// <summary>CanonicalABI.md <c>flatten_type</c>.</summary>
    private static void Flatten(CompValType t, List<CoreValType> flat)
    {
        switch (t.Kind)
        {
            case DefinedKind.Primitive:
                switch (t.Primitive)
                {
                    case PrimitiveValType.S64 or PrimitiveValType.U64: flat.Add(CoreValType.I64); break;
                    case PrimitiveValType.F32: flat.Add(CoreValType.F32); break;
                    case PrimitiveValType.F64: flat.Add(CoreValType.F64); break;
                    case PrimitiveValType.String: flat.Add(CoreValType.I32); flat.Add(CoreValType.I32); break;
                    default: flat.Add(CoreValType.I32); break;
                }
                break;
            case DefinedKind.List or DefinedKind.Map:
                flat.Add(CoreValType.I32);
                flat.Add(CoreValType.I32);
                break;
            case DefinedKind.FixedList:
                for (uint i = 0; i < t.Length && flat.Count <= MaxFlatParams; i++) Flatten(t.Elements[0]!, flat);
                break;
            case DefinedKind.Record:
                foreach (var (_, ft) in t.Fields) Flatten(ft!, flat);
                break;
            case DefinedKind.Tuple:
                foreach (var e in t.Elements) Flatten(e!, flat);
                break;
            case DefinedKind.Flags:
                for (int i = 0; i < (t.Fields.Count + 31) / 32; i++) flat.Add(CoreValType.I32);
                break;
            case DefinedKind.Enum or DefinedKind.Own or DefinedKind.Borrow or DefinedKind.Future or DefinedKind.Stream:
                flat.Add(CoreValType.I32);
                break;
            case DefinedKind.Variant:
                FlattenVariant(t.Fields.Select(f => f.Type), flat);
                break;
            case DefinedKind.Option:
                FlattenVariant([null, t.Elements[0]], flat);
                break;
            case DefinedKind.Result:
                FlattenVariant(t.Elements, flat);
                break;
        }
    }

    private static void FlattenVariant(IEnumerable<CompValType?> cases, List<CoreValType> flat)
    {
        flat.Add(CoreValType.I32);
        int start = flat.Count;
        foreach (var c in cases)
        {
            if (c is null) continue;
            var temp = new List<CoreValType>();
            Flatten(c, temp);
            for (int i = 0; i < temp.Count; i++)
            {
                if (start + i < flat.Count) flat[start + i] = Join(flat[start + i], temp[i]);
                else flat.Add(temp[i]);
            }
        }
    }

    private static CoreValType Join(CoreValType a, CoreValType b) =>
        a == b ? a : (a, b) is (CoreValType.I32, CoreValType.F32) or (CoreValType.F32, CoreValType.I32) ? CoreValType.I32 : CoreValType.I64;
}
