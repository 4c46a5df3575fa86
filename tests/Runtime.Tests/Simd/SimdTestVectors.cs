using System.Runtime.Intrinsics;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>Deterministic random v128 inputs biased toward edge values: each 32-bit chunk is random bits,
/// a boundary integer, or a special float (NaNs with various payloads, ±0, ±∞, conversion limits), and
/// each 64-bit half sometimes a special double.</summary>
internal static class SimdTestVectors
{
    private static readonly uint[] Special32 =
    [
        0, 1, 0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, 0x8000_8000, 0x7FFF_7FFF, 0x0080_0080, 0x7F7F_7F7F, 0x8080_8080,
        0x00FF_00FF, 0xFF00_FF00, 0x0001_0000, 0x0000_FFFF,
        0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0000, 0x7F80_0001, 0xFF80_0001, 0x7FC0_0001, 0x7F80_0000, 0xFF80_0000,
        0x3F00_0000, 0xBF00_0000, 0x3FC0_0000, 0x4020_0000, 0xBFC0_0000, 0x3F7F_FFFF,
        0x4F00_0000, 0xCF00_0000, 0x4EFF_FFFF, 0x4F80_0000, 0x4F7F_FFFF, 0xCF00_0001, 0x0000_0001, 0x8000_0001,
    ];

    private static readonly ulong[] Special64 =
    [
        0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF4_0000_0000_0000, 0x7FF0_0000_0000_0001,
        0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000, 0x8000_0000_0000_0000, 0,
        0x41DF_FFFF_FFC0_0000, 0x41E0_0000_0000_0000, 0xC1E0_0000_0000_0000, 0xC1E0_0000_0020_0000,
        0x41EF_FFFF_FFE0_0000, 0x41F0_0000_0000_0000, 0xBFEF_FFFF_FFFF_FFFF, 0x3FE0_0000_0000_0000,
        0x47EF_FFFF_E000_0000, 0x47EF_FFFF_F000_0000, 0x3690_0000_0000_0000, 0x0000_0000_0000_0001,
    ];

    public static IEnumerable<Vector128<byte>> Generate(int seed, int count)
    {
        var rng = new Random(seed);
        for (int n = 0; n < count; n++)
        {
            Span<uint> words = stackalloc uint[4];
            for (int i = 0; i < 4; i++)
            {
                words[i] = rng.Next(3) switch
                {
                    0 => (uint)rng.NextInt64(),
                    1 => Special32[rng.Next(Special32.Length)],
                    _ => (uint)rng.Next(-300, 300),
                };
            }
            var v = Vector128.Create(words[0], words[1], words[2], words[3]).AsUInt64();
            for (int h = 0; h < 2; h++)
            {
                if (rng.Next(4) == 0) v = v.WithElement(h, Special64[rng.Next(Special64.Length)]);
            }
            yield return v.AsByte();
        }
    }

    public static IEnumerable<(Vector128<byte> A, Vector128<byte> B)> Pairs(int seed, int count)
    {
        var rng = new Random(seed);
        var pool = Generate(seed + 1, count).ToArray();
        foreach (var a in pool)
        {
            // Sometimes pair a vector with itself or with a lane-permuted copy, so ties and equal lanes occur.
            var b = rng.Next(8) switch
            {
                0 => a,
                1 => Vector128.Shuffle(a.AsUInt32(), Vector128.Create(1u, 0, 3, 2)).AsByte(),
                _ => pool[rng.Next(pool.Length)],
            };
            yield return (a, b);
        }
    }
}
