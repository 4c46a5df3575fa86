using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// The planned entry fused adapters use (<see cref="InstanceFlags.PlanEntry"/> once, <see cref="InstanceFlags.TryEnter"/>
/// per call): the plan is the <c>entering_set</c> size of CanonicalABI.md <c>Store.lift</c> (or forbidden by the
/// suites' rule against entering oneself, a parent or a child), and a failed entry leaves no instance entered and
/// raises the same trap as the unplanned <see cref="InstanceFlags.Enter(InstanceFlags?, string)"/>.
/// </summary>
public sealed class PlannedEntryTests
{
    [Fact]
    public void Plans_are_the_entering_set_or_forbidden()
    {
        var root = new InstanceFlags();
        var a = new InstanceFlags(root);
        var b = new InstanceFlags(root);
        var aChild = new InstanceFlags(a);

        Assert.Equal(1, b.PlanEntry(a)); // siblings: only the callee is entered
        Assert.Equal(2, aChild.PlanEntry(b)); // a's child from b: the child and a
        Assert.Equal(3, aChild.PlanEntry(null)); // from the host: the whole chain
        Assert.Equal(InstanceFlags.ForbiddenEntry, aChild.PlanEntry(a)); // parent → child
        Assert.Equal(InstanceFlags.ForbiddenEntry, a.PlanEntry(aChild)); // child → parent
        Assert.Equal(InstanceFlags.ForbiddenEntry, a.PlanEntry(a));
    }

    [Fact]
    public void A_failed_entry_undoes_what_it_entered_and_traps_as_the_unplanned_entry()
    {
        var root = new InstanceFlags();
        var a = new InstanceFlags(root);
        var aChild = new InstanceFlags(a);
        int plan = aChild.PlanEntry(null);

        int enteredA = a.TryEnter(a.PlanEntry(null)); // a call into a (and root) is in progress
        Assert.Equal(2, enteredA);
        Assert.Equal(-1, aChild.TryEnter(plan));
        Assert.True(aChild.MayEnter); // the child was entered first, then given back

        var planned = Assert.Throws<TrapException>(() => aChild.Enter(plan, "`f`"));
        var unplanned = Assert.Throws<TrapException>(() => aChild.Enter(null, "`f`"));
        Assert.Equal(unplanned.Message, planned.Message);
        Assert.Contains("still in progress", planned.Message);
        Assert.True(aChild.MayEnter);

        a.Leave(enteredA);
        Assert.Equal(3, aChild.TryEnter(plan));
        Assert.False(root.MayEnter);
        aChild.Leave(3);
        Assert.True(root.MayEnter && a.MayEnter && aChild.MayEnter);
    }

    [Fact]
    public void A_locked_down_ancestor_blocks_entry_even_when_not_entered()
    {
        var root = new InstanceFlags();
        var a = new InstanceFlags(root);
        var b = new InstanceFlags(root);
        var aChild = new InstanceFlags(a);
        int plan = aChild.PlanEntry(b); // enters the child and a, not root

        root.Poison(1, new InvalidOperationException("boom"));
        Assert.Equal(-1, aChild.TryEnter(plan));
        Assert.True(aChild.MayEnter && a.MayEnter);
        var e = Assert.Throws<TrapException>(() => aChild.Enter(plan, "`f`"));
        Assert.Contains("locked down after an earlier trap (boom)", e.Message);
    }

    [Fact]
    public void A_forbidden_plan_traps_with_the_reentrance_message()
    {
        var root = new InstanceFlags();
        var a = new InstanceFlags(root);
        Assert.Equal(-1, a.TryEnter(InstanceFlags.ForbiddenEntry));
        var e = Assert.Throws<TrapException>(() => a.Enter(a.PlanEntry(root), "`f`"));
        Assert.Contains("may not call into itself, its parent or its child", e.Message);
        Assert.True(a.MayEnter && root.MayEnter);
    }
}
