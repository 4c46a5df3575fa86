using System;
using System.Collections.Generic;

namespace WitSharp.Wit.Abi;

/// <summary>
/// Canonical ABI layout tables over the WIT model, shared by the generator and the runtime:
/// byte size and alignment of a value in linear memory, field and payload offsets, and the core value
/// types a value or a whole function signature flattens to. Implements CanonicalABI.md "Despecialization",
/// "Alignment", "Element Size" and "Flattening" (<c>flatten_functype</c>); pointers are 32-bit unless
/// <see cref="AbiOptions.Memory64"/> is set.
/// </summary>
/// <remarks>Errors (a resource used as a value, flags with more than 32 labels, a variant without cases, a
/// type larger than 2 GiB or nested more than 500 levels deep) are <see cref="WitException"/>.</remarks>
public static class CanonicalAbi
{
    /// <summary>Most core parameters a synchronous function passes flat (<c>MAX_FLAT_PARAMS</c>).</summary>
    public const int MaxFlatParams = 16;

    /// <summary>Most core parameters an async lower passes flat (<c>MAX_FLAT_ASYNC_PARAMS</c>).</summary>
    public const int MaxFlatAsyncParams = 4;

    /// <summary>Most core results returned flat (<c>MAX_FLAT_RESULTS</c>).</summary>
    public const int MaxFlatResults = 1;

    /// <summary>Byte size of a value of <paramref name="type"/> in linear memory (<c>elem_size</c>).</summary>
    public static int SizeOf(Resolve resolve, WitType type, AbiOptions? options = null) =>
        new AbiCalculator(resolve, options).Size(type);

    /// <summary>Alignment in bytes of <paramref name="type"/> (<c>alignment</c>).</summary>
    public static int AlignOf(Resolve resolve, WitType type, AbiOptions? options = null) =>
        new AbiCalculator(resolve, options).Align(type);

    /// <summary>The core value types <paramref name="type"/> flattens to (<c>flatten_type</c>).</summary>
    public static IReadOnlyList<FlatType> Flatten(Resolve resolve, WitType type, AbiOptions? options = null)
    {
        var into = new List<FlatType>();
        new AbiCalculator(resolve, options).Flatten(type, into, int.MaxValue);
        return into;
    }

    /// <summary>The core value types a sequence of values flattens to (<c>flatten_types</c>).</summary>
    public static IReadOnlyList<FlatType> Flatten(Resolve resolve, IEnumerable<WitType> types, AbiOptions? options = null)
    {
        if (types is null) throw new ArgumentNullException(nameof(types));
        var calc = new AbiCalculator(resolve, options);
        var into = new List<FlatType>();
        foreach (var t in types) calc.Flatten(t, into, int.MaxValue);
        return into;
    }

    /// <summary>Field offsets, size and alignment of a tuple of <paramref name="types"/>: the layout of a
    /// record with those field types, and of spilled parameters (<see cref="FlatSignature.ParamsInMemory"/>).</summary>
    public static RecordLayout LayoutOf(Resolve resolve, IReadOnlyList<WitType> types, AbiOptions? options = null)
    {
        if (types is null) throw new ArgumentNullException(nameof(types));
        var (offsets, (size, align)) = new AbiCalculator(resolve, options).Record(types);
        return new RecordLayout(size, align, offsets);
    }

    /// <summary>The layout of a <c>record</c> or <c>tuple</c> type (aliases followed).</summary>
    /// <exception cref="WitException"><paramref name="type"/> is not a record or tuple.</exception>
    public static RecordLayout RecordLayoutOf(Resolve resolve, WitType type, AbiOptions? options = null)
    {
        if (resolve is null) throw new ArgumentNullException(nameof(resolve));
        var kind = type.IsId ? resolve.Types[resolve.Dealias(type.TypeId)].Kind : null;
        return kind switch
        {
            RecordKind r => LayoutOf(resolve, AbiCalculator.FieldTypes(r), options),
            TupleKind t => LayoutOf(resolve, t.Types, options),
            _ => throw new WitException("type " + type + " is not a record or tuple"),
        };
    }

    /// <summary>The layout of a <c>variant</c>, <c>enum</c>, <c>option</c> or <c>result</c> type (aliases followed).</summary>
    /// <exception cref="WitException"><paramref name="type"/> is not variant-like.</exception>
    public static VariantLayout VariantLayoutOf(Resolve resolve, WitType type, AbiOptions? options = null)
    {
        var calc = new AbiCalculator(resolve, options);
        var cases = type.IsId ? calc.CaseTypesOf(type.TypeId) : null;
        if (cases is null) throw new WitException("type " + type + " is not a variant, enum, option or result");
        var (size, align, disc, payload) = calc.Variant(cases, type.TypeId);
        var flat = new List<FlatType>();
        calc.FlattenVariant(cases, type.TypeId, flat, int.MaxValue);
        return new VariantLayout(size, align, disc, payload, cases, flat);
    }

    /// <summary>Bytes of the discriminant of a variant with <paramref name="caseCount"/> cases
    /// (<c>discriminant_type</c>): 1 up to 256 cases, 2 up to 65536, else 4.</summary>
    public static int DiscriminantSize(int caseCount) => AbiCalculator.DiscriminantSize(caseCount);

    /// <summary>The <c>join</c> of two flat types occupying the same slot of a flattened variant.</summary>
    public static FlatType Join(FlatType a, FlatType b) => AbiCalculator.Join(a, b);

    /// <summary>
    /// The core signature of <paramref name="function"/> (<c>flatten_functype</c>). Synchronous: more than 16
    /// flat parameters become one pointer to them in memory; more than one flat result becomes a returned
    /// pointer (<see cref="AbiContext.Lift"/>) or an extra trailing pointer parameter with no results
    /// (<see cref="AbiContext.Lower"/>). Async (<see cref="AbiOptions.Async"/>): a lift spills above 16
    /// parameters and returns an i32 status only with a callback; a lower spills above 4 parameters, passes a
    /// result pointer when there is a result, and returns an i32 status.
    /// </summary>
    public static FlatSignature FlattenSignature(Resolve resolve, Function function, AbiContext context, AbiOptions? options = null)
    {
        if (function is null) throw new ArgumentNullException(nameof(function));
        var types = new WitType[function.Params.Count];
        for (var i = 0; i < types.Length; i++) types[i] = function.Params[i].Type;
        return FlattenSignature(resolve, types, function.Result, context, options);
    }

    /// <summary><see cref="FlattenSignature(Resolve, Function, AbiContext, AbiOptions)"/> for a bare list of
    /// parameter types and an optional result type.</summary>
    public static FlatSignature FlattenSignature(
        Resolve resolve, IReadOnlyList<WitType> parameters, WitType? result, AbiContext context, AbiOptions? options = null)
    {
        if (parameters is null) throw new ArgumentNullException(nameof(parameters));
        var calc = new AbiCalculator(resolve, options);
        var opts = calc.Options;
        var ptr = opts.PointerType;

        var maxParams = opts.Async && context == AbiContext.Lower ? MaxFlatAsyncParams : MaxFlatParams;
        var flatParams = new List<FlatType>();
        var paramsFit = true;
        foreach (var p in parameters)
        {
            if (!calc.Flatten(p, flatParams, maxParams))
            {
                paramsFit = false;
                break;
            }
        }
        if (!paramsFit)
        {
            flatParams.Clear();
            flatParams.Add(ptr);
        }

        var flatResults = new List<FlatType>();
        var resultsFit = result is not { } r || calc.Flatten(r, flatResults, MaxFlatResults);
        var hasResult = result is not null && (!resultsFit || flatResults.Count > 0);

        if (!opts.Async)
        {
            if (resultsFit) return new FlatSignature(flatParams, flatResults, !paramsFit, false);
            if (context == AbiContext.Lift) return new FlatSignature(flatParams, new[] { ptr }, !paramsFit, true);
            flatParams.Add(ptr);
            return new FlatSignature(flatParams, Array.Empty<FlatType>(), !paramsFit, true);
        }

        if (context == AbiContext.Lift)
        {
            // Results leave through task.return; the core function returns a status only with a callback.
            IReadOnlyList<FlatType> status = opts.Callback ? new[] { FlatType.I32 } : Array.Empty<FlatType>();
            return new FlatSignature(flatParams, status, !paramsFit, false);
        }

        if (hasResult) flatParams.Add(ptr);
        return new FlatSignature(flatParams, new[] { FlatType.I32 }, !paramsFit, hasResult);
    }
}
