using System.Runtime.CompilerServices;
using WitSharp.Core.Compilation;

namespace WitSharp.Core.Instances;

/// <summary>
/// What every instantiation of a compiled module derives from the module alone (spec 4.5.4 "Instantiation",
/// steps that do not depend on the imports), computed on the first instantiation and kept with the module.
/// <para>Why: on every instantiation, a <see cref="FunctionInstance"/> was allocated per defined function,
/// referenced or not (componentize-js: 1.1 MB per instantiation), and each one's name was looked up
/// (<see cref="CompiledModule.FunctionName"/>: the name section, then a scan of the exports); for componentize-js's
/// core module these were the largest managed costs of instantiating.</para>
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
        Referenced = FunctionReferences.Referenced(info);
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

    /// <summary>Per defined function: whether anything but a direct <c>call</c> can reach it (an export, an element
    /// segment, a global's or element's <c>ref.func</c>, the start function: spec 3.4.10 C.refs plus the start), so
    /// that it needs a <see cref="FunctionInstance"/>. Compiled code reads <c>InstanceContext.Functions</c> only for
    /// imports and <c>ref.func</c> (whose index validation restricts to C.refs), and a lazily compiled module has no
    /// code pointer for the others anyway (<see cref="FunctionReferences"/>), so their entries stay null.</summary>
    public bool[] Referenced { get; }

    /// <summary>True when an active data segment has bytes: instantiation writes into memory 0 (unless an earlier
    /// segment traps), so a memory defined by the module is told (<see cref="MemoryInstance(MemoryType, bool)"/>).</summary>
    public bool WritesActiveData { get; }
}
