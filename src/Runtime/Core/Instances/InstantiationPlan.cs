using System.Runtime.CompilerServices;
using WitSharp.Core.Compilation;

namespace WitSharp.Core.Instances;

/// <summary>
/// What every instantiation of a compiled module derives from the module alone (spec 4.5.4 "Instantiation",
/// steps that do not depend on the imports), computed on the first instantiation and kept with the module.
/// <para>Why: the per-function name lookup (<see cref="CompiledModule.FunctionName"/>: the name section, then a scan
/// of the exports) ran for every defined function on every instantiation; for componentize-js's core module it was
/// the largest managed cost of instantiating (6% of a profile of repeated instantiations, the page faults of
/// copying the memory image being most of the rest).</para>
/// </summary>
internal sealed class InstantiationPlan
{
    private static readonly ConditionalWeakTable<CompiledModule, InstantiationPlan> s_plans = [];

    private InstantiationPlan(CompiledModule module)
    {
        var info = module.Info;
        int count = info.FunctionTypeIndices.Count;
        Types = new FuncType[count];
        SignatureIds = new int[count];
        Names = new string?[count];
        for (int i = 0; i < count; i++)
        {
            uint typeIndex = info.FunctionTypeIndices[i];
            Types[i] = info.Types[(int)typeIndex];
            SignatureIds[i] = module.SignatureIds[typeIndex];
            Names[i] = module.FunctionName(info.ImportedFunctionCount + i);
        }
        foreach (var seg in info.Data)
            if (seg.Mode == SegmentMode.Active && seg.Bytes.Length != 0) WritesActiveData = true;
    }

    /// <summary>The plan of <paramref name="module"/>, made on first use.</summary>
    public static InstantiationPlan For(CompiledModule module) =>
        s_plans.TryGetValue(module, out var plan) ? plan : s_plans.GetValue(module, static m => new InstantiationPlan(m));

    /// <summary>Per defined function (index = function index − imported function count): its type.</summary>
    public FuncType[] Types { get; }

    /// <summary>Per defined function: the engine-wide id of its type.</summary>
    public int[] SignatureIds { get; }

    /// <summary>Per defined function: its name for backtraces (name section, else first export), or null.</summary>
    public string?[] Names { get; }

    /// <summary>True when an active data segment has bytes: instantiation writes into memory 0 (unless an earlier
    /// segment traps), so a memory defined by the module is told (<see cref="MemoryInstance(MemoryType, bool)"/>).</summary>
    public bool WritesActiveData { get; }
}
