using WitSharp.Tests;
using WitSharp.Wit.Abi;

namespace WitSharp.Wit.Tests.Abi;

/// <summary>
/// Differential check against the spec's executable reference: Oracle/abi-oracle.txt holds 600 random value
/// types with the size, alignment and flattening that canonical-abi-definitions.py computes (for 32- and
/// 64-bit memories), written by Oracle/make_oracle.py. Every row must agree with <see cref="CanonicalAbi"/>.
/// </summary>
public sealed class AbiOracleTests
{
    private static readonly string s_oracle = Path.Combine(RepoPaths.Root, "tests", "Wit.Tests", "Abi", "Oracle", "abi-oracle.txt");

    [Fact]
    public void Every_row_matches_the_reference_definitions()
    {
        var rows = File.ReadAllLines(s_oracle).Where(l => l.Length > 0).ToList();
        Assert.True(rows.Count >= 600, "oracle has " + rows.Count + " rows");
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var cols = row.Split('\t');
            var b = new ModelBuilder();
            var type = new OracleTypeReader(cols[0], b).Read();
            var (got32, got64) = (Describe(b, type, AbiOptions.Default), Describe(b, type, new AbiOptions { Memory64 = true }));
            var want32 = cols[1] + " " + cols[2] + " " + cols[3];
            var want64 = cols[4] + " " + cols[5] + " " + cols[6];
            if (got32 != want32 || got64 != want64) mismatches.Add(cols[0] + ": want " + want32 + " / " + want64 + ", got " + got32 + " / " + got64);
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_signature_matches_flatten_functype()
    {
        var rows = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(s_oracle)!, "abi-signatures.txt")).Where(l => l.Length > 0).ToList();
        Assert.True(rows.Count >= 300, "signature oracle has " + rows.Count + " rows");
        var variants = new[]
        {
            AbiOptions.Default, new AbiOptions { Async = true }, new AbiOptions { Async = true, Callback = true },
        };
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var cols = row.Split('\t');
            var b = new ModelBuilder();
            var ps = cols[0] == "-" ? [] : cols[0].Split(" | ").Select(p => new OracleTypeReader(p, b).Read()).ToArray();
            WitType? result = cols[1] == "_" ? null : new OracleTypeReader(cols[1], b).Read();
            var col = 2;
            foreach (var options in variants)
            {
                foreach (var context in new[] { AbiContext.Lift, AbiContext.Lower })
                {
                    var sig = CanonicalAbi.FlattenSignature(b.Resolve, ps, result, context, options);
                    var got = Names(sig.Params) + " -> " + Names(sig.Results);
                    if (got != cols[col]) mismatches.Add(row + " [" + (col - 2) + "]: got " + got);
                    col++;
                }
            }
        }
        Assert.Empty(mismatches);
    }

    private static string Names(IReadOnlyList<FlatType> ts) => string.Join(" ", ts.Select(t => t.ToString().ToLowerInvariant()));

    private static string Describe(ModelBuilder b, WitType t, AbiOptions o)
    {
        var flat = CanonicalAbi.Flatten(b.Resolve, t, o);
        return CanonicalAbi.SizeOf(b.Resolve, t, o) + " " + CanonicalAbi.AlignOf(b.Resolve, t, o) + " " +
               (flat.Count == 0 ? "-" : string.Join(" ", flat.Select(f => f.ToString().ToLowerInvariant())));
    }
}
