using System.Diagnostics;
using CsCheck;
using WitSharp.Core.Binary;
using WitSharp.Core.Validation;
using Xunit.Abstractions;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>Hostile input to the core front end: <see cref="ModuleDecoder.Decode"/> followed by
/// <see cref="ModuleValidator.Validate"/> must either succeed or throw <see cref="MalformedException"/> /
/// <see cref="InvalidException"/> (never IndexOutOfRange, Overflow, OutOfMemory, …), must not allocate in
/// proportion to a size field rather than to the input, and must not spin on one.</summary>
public sealed class DecoderRobustnessTests(ITestOutputHelper output)
{
    private static readonly byte[] s_header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>Bytes a hostile encoder likes: LEB continuation bits, maximal counts, section ids, opcodes.</summary>
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0B, 0x40, 0x60, 0x70, 0x6F, 0x7B, 0xFC, 0xFD, 0x0C, 0x41];

    /// <summary>A u32 LEB of 2^32 − 1, and an over-long LEB, spliced over a byte to fake a huge count.</summary>
    private static readonly byte[][] s_bombs = [[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x80, 0x00], [0xFF, 0xFF, 0xFF, 0x7F]];

    /// <summary>Per input: the decoder and validator may allocate this much plus a multiple of the input length.</summary>
    private const long AllocationBase = 4 << 20, AllocationPerByte = 4096;

    [Fact]
    public void RandomBytesAreRejectedWithTypedErrors()
    {
        var gen = Gen.Frequency(
            (1, Gen.Byte.Array[0, 64]),
            (4, Gen.Byte.Array[0, 256].Select(body => Concat(s_header, body))));
        var outcomes = new Outcomes();
        gen.Sample(bytes => CheckInput(bytes, outcomes), iter: Iterations(25_000), threads: 1, print: Hex);
        output.WriteLine(outcomes.ToString());
    }

    [Fact]
    public void MutatedValidModulesAreRejectedWithTypedErrors()
    {
        var seeds = SeedModules.All;
        output.WriteLine($"{seeds.Count} seed modules");
        Assert.True(seeds.Count >= 200, $"only {seeds.Count} seed modules");
        var mutation = Gen.Int[0, 6].Select(Gen.Int, Gen.Int[0, s_interesting.Length - 1], Gen.Byte, Gen.Int[0, 16],
            (kind, position, interesting, value, length) => new Mutation(kind, position, s_interesting[interesting], value, length));
        var gen = Gen.Int[0, seeds.Count - 1].Select(mutation.Array[1, 4], (seed, mutations) =>
        {
            var bytes = seeds[seed].ToList();
            foreach (var m in mutations) m.Apply(bytes);
            return bytes.ToArray();
        });
        var outcomes = new Outcomes();
        gen.Sample(bytes => CheckInput(bytes, outcomes), iter: Iterations(25_000), threads: 1, print: Hex);
        output.WriteLine(outcomes.ToString());
        // Mutations must reach the validator and beyond, or the property only exercises the header checks.
        Assert.True(outcomes.Invalid > 0 && outcomes.Valid > 0, outcomes.ToString());
    }

    [Fact]
    public void MutatedFunctionBodiesAreRejectedWithTypedErrors()
    {
        // In-place edits inside code bodies keep every section and body size intact, so the decoder accepts
        // the module and the function validator meets the hostile instruction stream and immediates.
        // Small modules only: each sample decodes and validates the whole module again.
        var bodies = SeedModules.All.Where(bytes => bytes.Length <= 2048)
            .SelectMany(bytes => ModuleDecoder.Decode(bytes).Bodies.Where(b => b.Code.Length > 1).Select(b => (bytes, b.CodeOffset, b.Code.Length)))
            .ToArray();
        Assert.True(bodies.Length >= 500, $"only {bodies.Length} seed bodies");
        var edit = Gen.Int[0, 2].Select(Gen.Int, Gen.Int[0, s_interesting.Length - 1], Gen.Byte,
            (kind, position, interesting, value) => (kind, position, interesting: s_interesting[interesting], value));
        var gen = Gen.Int[0, bodies.Length - 1].Select(edit.Array[1, 3], (index, edits) =>
        {
            var (seed, offset, length) = bodies[index];
            var bytes = (byte[])seed.Clone();
            foreach (var (kind, position, interesting, value) in edits)
            {
                int at = offset + (int)((uint)position % (uint)length);
                bytes[at] = kind switch { 0 => (byte)(bytes[at] ^ (1 << (value & 7))), 1 => interesting, _ => value };
            }
            return bytes;
        });
        var outcomes = new Outcomes();
        gen.Sample(bytes => CheckInput(bytes, outcomes), iter: Iterations(15_000), threads: 1, print: Hex);
        output.WriteLine(outcomes.ToString());
        Assert.True(outcomes.Invalid > outcomes.Malformed / 4, outcomes.ToString());
    }

    /// <summary>Samples per property: the default keeps the three properties near 6 s together in Release;
    /// WITSHARP_FUZZ_ITERATIONS overrides it for a longer hunt (300,000 per property ran clean).</summary>
    private static long Iterations(long standard) =>
        long.TryParse(Environment.GetEnvironmentVariable("WITSHARP_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : standard;

    /// <summary>How the inputs ended, to show the generators reach every stage.</summary>
    private sealed class Outcomes
    {
        public long Valid, Malformed, Invalid;

        public override string ToString() => $"{Valid} valid, {Malformed} malformed, {Invalid} invalid";
    }

    /// <summary>The property: typed rejection or success, bounded allocation, bounded time.</summary>
    private static void CheckInput(byte[] bytes, Outcomes outcomes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
            outcomes.Valid++;
        }
        catch (MalformedException)
        {
            outcomes.Malformed++;
        }
        catch (InvalidException)
        {
            outcomes.Invalid++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationBase + AllocationPerByte * bytes.Length)
            throw new InvalidOperationException($"allocated {allocated:N0} bytes for a {bytes.Length}-byte input");
        if (clock.ElapsedMilliseconds > 2000)
            throw new InvalidOperationException($"took {clock.ElapsedMilliseconds} ms for a {bytes.Length}-byte input");
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var r = new byte[a.Length + b.Length];
        a.CopyTo(r, 0);
        b.CopyTo(r, a.Length);
        return r;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>One edit of a module: positions are taken modulo the current length so every edit applies.</summary>
    private readonly record struct Mutation(int Kind, int Position, byte Interesting, byte Value, int Length)
    {
        public void Apply(List<byte> bytes)
        {
            int at = bytes.Count == 0 ? 0 : (int)((uint)Position % (uint)bytes.Count);
            switch (Kind)
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << (Value & 7)); break;         // flip a bit
                case 1 when bytes.Count > 0: bytes[at] = Interesting; break;                          // set a byte
                case 2: bytes.InsertRange(at, Enumerable.Repeat(Value, 1 + Length % 4)); break;       // insert
                case 3: bytes.RemoveRange(at, Math.Min(Length + 1, bytes.Count - at)); break;         // delete
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;                               // truncate
                case 5 when bytes.Count > 0:                                                          // LEB bomb
                    bytes.RemoveAt(at);
                    bytes.InsertRange(at, s_bombs[Length % s_bombs.Length]);
                    break;
                case 6 when bytes.Count > 0: bytes[at] = Value; break;                                // random byte
            }
        }
    }
}
