using CsCheck;
using WitSharp.Components;
using WitSharp.Components.Adapters;
using WitSharp.Wit.Binary;

namespace WitSharp.Runtime.Tests.Components.Adapters;

/// <summary>
/// The direct fused-adapter path (Adapters/: copy plans, in-place transcoding) against the dynamic path it replaces
/// (lift into <see cref="ComponentValue"/> with string origins, lower from it) on random types and values, for every
/// pair of string encodings: the same destination bytes, the same flat values and the same realloc calls
/// (arguments and order), and the same trap-or-not on corrupted sources.
/// </summary>
public sealed class FusedAdapterEquivalenceTests
{
    private static readonly StringEncoding[] s_encodings = [StringEncoding.Utf8, StringEncoding.Utf16, StringEncoding.Latin1Utf16];

    public static TheoryData<StringEncoding, StringEncoding> EncodingPairs()
    {
        var data = new TheoryData<StringEncoding, StringEncoding>();
        foreach (var a in s_encodings)
        {
            foreach (var b in s_encodings) data.Add(a, b);
        }
        return data;
    }

    private static readonly Engine s_engine = new();

    [Theory]
    [MemberData(nameof(EncodingPairs))]
    public void StringsMatchInMemoryAndFlat(StringEncoding from, StringEncoding to)
    {
        var types = new CanonType[]
        {
            PrimitiveCanonType.String,
            new ListCanonType(PrimitiveCanonType.String),
            new RecordCanonType(ComponentValueKind.Tuple, null, [PrimitiveCanonType.U8, PrimitiveCanonType.String, PrimitiveCanonType.String]),
        };
        Gen.OneOf(types).SelectMany(t => AdapterGenerators.Value(t).Select(v => (t, v)))
            .Sample(x => Check(x.t, x.v, from, to), iter: 100, threads: 1, print: x => $"{AdapterGenerators.Show(x.t)} = {x.v}");
    }

    [Theory]
    [MemberData(nameof(EncodingPairs))]
    public void RandomTypesMatch(StringEncoding from, StringEncoding to)
    {
        AdapterGenerators.Type(3).SelectMany(t => AdapterGenerators.Value(t).Select(v => (t, v)))
            .Sample(x => Check(x.t, x.v, from, to), iter: 100, threads: 1, print: x => $"{AdapterGenerators.Show(x.t)} = {x.v}");
    }

    [Fact]
    public void ListsRecordsAndVariantsOfScalarsMatch()
    {
        var shapes = Gen.Frequency(
            (2, AdapterGenerators.Scalar.Select(e => (CanonType)new ListCanonType(e))),
            (1, AdapterGenerators.Scalar.Array[1, 5].Select(fs => (CanonType)new ListCanonType(
                new RecordCanonType(ComponentValueKind.Record, [.. fs.Select((_, i) => $"f{i}")], fs)))),
            (1, AdapterGenerators.Scalar.Array[1, 5].Select(cs => (CanonType)new VariantCanonType(
                ComponentValueKind.Variant, [.. cs.Select((_, i) => $"c{i}")], [.. cs]))));
        shapes.SelectMany(t => AdapterGenerators.Value(t).Select(v => (t, v)))
            .Sample(x => Check(x.t, x.v, StringEncoding.Utf8, StringEncoding.Utf8), iter: 300, threads: 1,
                print: x => $"{AdapterGenerators.Show(x.t)} = {x.v}");
    }

    /// <summary>Corrupted sources (bad discriminants, chars, UTF-8/UTF-16, pointers, lengths): both paths trap, or
    /// both succeed with the same result. Lists hold only scalars so a corrupted length cannot multiply the work.</summary>
    [Fact]
    public void CorruptedSourcesTrapAlike()
    {
        var gen = AdapterGenerators.Type(2, flatLists: true)
            .SelectMany(t => AdapterGenerators.Value(t).Select(v => (t, v)))
            .Select(Gen.Int[0, 8].Array[2], Gen.Int.Array[1, 4], Gen.Byte.Array[4],
                (x, enc, positions, bytes) => (x.t, x.v, From: s_encodings[enc[0] % 3], To: s_encodings[enc[1] % 3], positions, bytes));
        int traps = 0, samples = 0;
        gen.Sample(x =>
        {
            samples++;
            if (CheckCorrupted(x.t, x.v, x.From, x.To, x.positions, x.bytes)) traps++;
        }, iter: 600, threads: 1, print: x => $"{AdapterGenerators.Show(x.t)} = {x.v} ({x.From} → {x.To})");
        // The corruption must actually reach the validation paths.
        Assert.True(traps > samples / 20, $"only {traps} of {samples} corrupted samples trapped");
    }

    private static void Check(CanonType t, ComponentValue v, StringEncoding from, StringEncoding to)
    {
        var store = new Store(s_engine);
        var source = new AdapterEnd(store, from, 4, "source");
        var cx = source.Context();
        uint ptr = (uint)cx.Allocate(t.Alignment, t.Size, "the value");
        cx.Store(v, t, ptr);
        var flat = new List<ulong>();
        cx.LowerFlat(v, t, flat);

        var direct = Direct(store, source, t, ptr, to);
        var dynamic = Dynamic(store, source, t, ptr, to);
        Assert.Null(direct.Trap);
        Assert.True(direct.SameAs(dynamic), $"memory: direct {direct} vs dynamic {dynamic}");

        var directFlat = DirectFlat(store, source, t, flat, to);
        var dynamicFlat = DynamicFlat(store, source, t, flat, to);
        Assert.Null(directFlat.Trap);
        Assert.True(directFlat.SameAs(dynamicFlat), $"flat: direct {directFlat} vs dynamic {dynamicFlat}");
    }

    private static bool CheckCorrupted(CanonType t, ComponentValue v, StringEncoding from, StringEncoding to, int[] positions, byte[] bytes)
    {
        var store = new Store(s_engine);
        var source = new AdapterEnd(store, from, 1, "source");
        var cx = source.Context();
        uint ptr = (uint)cx.Allocate(t.Alignment, t.Size, "the value");
        cx.Store(v, t, ptr);
        int used = source.Next - 8;
        if (used <= 0) return false;
        for (int i = 0; i < positions.Length; i++) source.Poke(8 + (int)((uint)positions[i] % (uint)used), bytes[i]);

        var direct = Direct(store, source, t, ptr, to);
        var dynamic = Dynamic(store, source, t, ptr, to);
        Assert.True(direct.SameAs(dynamic), $"direct {direct} vs dynamic {dynamic}");
        return direct.Trap is not null;
    }

    private static CopyOutcome Direct(Store store, AdapterEnd source, CanonType t, uint ptr, StringEncoding to)
    {
        var dest = new AdapterEnd(store, to, 16, "dest");
        var copier = AdapterPlan.ForType(t) ?? throw new InvalidOperationException($"no plan for {AdapterGenerators.Show(t)}");
        return Run(dest, () =>
        {
            uint dp = dest.Side.Reallocate(0, 0, t.Alignment, t.Size, "the value");
            copier.CopyMemory(new AdapterFrame(source.Side, dest.Side), ptr, dp);
            return "";
        });
    }

    private static CopyOutcome Dynamic(Store store, AdapterEnd source, CanonType t, uint ptr, StringEncoding to)
    {
        var dest = new AdapterEnd(store, to, 16, "dest");
        var origins = new StringOrigins();
        return Run(dest, () =>
        {
            var value = source.Context(origins).Load(ptr, t);
            var cx = dest.Context(origins);
            long dp = cx.Allocate(t.Alignment, t.Size, "the value");
            cx.Store(value, t, dp);
            return "";
        });
    }

    private static CopyOutcome DirectFlat(Store store, AdapterEnd source, CanonType t, List<ulong> flat, StringEncoding to)
    {
        var dest = new AdapterEnd(store, to, 16, "dest");
        var copier = AdapterPlan.ForType(t)!;
        return Run(dest, () =>
        {
            var output = new ulong[flat.Count];
            copier.CopyFlat(new AdapterFrame(source.Side, dest.Side), flat.ToArray(), output);
            return string.Join(",", output);
        });
    }

    private static CopyOutcome DynamicFlat(Store store, AdapterEnd source, CanonType t, List<ulong> flat, StringEncoding to)
    {
        var dest = new AdapterEnd(store, to, 16, "dest");
        var origins = new StringOrigins();
        return Run(dest, () =>
        {
            var value = source.Context(origins).LiftFlat(new LiftLowerContext.FlatReader(flat), t);
            var output = new List<ulong>();
            dest.Context(origins).LowerFlat(value, t, output);
            return string.Join(",", output);
        });
    }

    private static CopyOutcome Run(AdapterEnd dest, Func<string> copy)
    {
        try
        {
            string flat = copy();
            return new CopyOutcome(null, flat, dest.Used, dest.Calls.ToString());
        }
        catch (TrapException e)
        {
            return new CopyOutcome(e.Message, "", [], dest.Calls.ToString());
        }
    }
}
