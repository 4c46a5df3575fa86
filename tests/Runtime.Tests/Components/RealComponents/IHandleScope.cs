using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>The resource handles a scenario has named (<c>"bind"</c> in calls.json): own handles returned by
/// calls, passed back as <c>{"$": name}</c> and dropped by <c>{"drop": name}</c>.</summary>
internal interface IHandleScope
{
    /// <summary>Names the own handle <paramref name="value"/> returned by a call.</summary>
    void Bind(string name, ComponentValue value);

    /// <summary>The named handle passed as an <c>own</c> argument (moved into the callee).</summary>
    ComponentValue Own(string name);

    /// <summary>The named handle lent as a <c>borrow</c> argument.</summary>
    ComponentValue Borrow(string name);

    /// <summary>Drops the named own handle (runs the guest destructor).</summary>
    void Drop(string name);
}
