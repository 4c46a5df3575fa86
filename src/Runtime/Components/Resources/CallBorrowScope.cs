namespace WitSharp.Components;

/// <summary>
/// Borrow bookkeeping of one synchronous call (CanonicalABI.md: the callee's <c>Task.num_borrows</c> and the
/// caller's <c>Subtask.lenders</c>). The callee side counts the borrow handles lowered into its table and traps
/// if any is still there when it returns; the caller side counts the own handles it lent (their
/// <c>num_lends</c>, which forbids dropping or moving them during the call) and releases them when the call ends.
/// Borrowed <see cref="ResourceAny"/> values handed to the host expire with the scope.
/// </summary>
internal sealed class CallBorrowScope
{
    private List<ResourceHandle>? _lenders;
    private List<ResourceAny>? _hostLenders;

    /// <summary>False once the call has ended: borrows created for it are no longer usable.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary><c>num_borrows</c>: borrow handles lowered into the callee's table and not dropped yet.</summary>
    public int NumBorrows { get; set; }

    /// <summary><c>Subtask.add_lender</c>: the caller's own handle stays lent until the call ends.</summary>
    public void AddLender(ResourceHandle handle)
    {
        handle.NumLends++;
        (_lenders ??= []).Add(handle);
    }

    /// <summary>A host-held own <see cref="ResourceAny"/> lent to the callee as a borrow.</summary>
    public void AddLender(ResourceAny resource)
    {
        resource.Lends++;
        (_hostLenders ??= []).Add(resource);
    }

    /// <summary><c>Task.return_</c>: a callee may not return while borrow handles lent to it remain.</summary>
    public void CheckReturn(string where)
    {
        if (NumBorrows > 0)
            throw new TrapException(TrapCode.Undefined, $"{where}: borrow handles still remain at the end of the call");
    }

    /// <summary>Ends the call: returns lent handles to their owners (<c>Subtask.deliver_resolve</c>).</summary>
    public void Release()
    {
        if (!IsActive) return;
        IsActive = false;
        if (_lenders is not null)
        {
            foreach (var h in _lenders) h.NumLends--;
        }
        if (_hostLenders is not null)
        {
            foreach (var r in _hostLenders) r.Lends--;
        }
    }

    /// <summary>Releases the scope when disposed, so a trap anywhere in the call still returns the lends.</summary>
    public Releaser Enter() => new(this);

    /// <summary>See <see cref="Enter"/>.</summary>
    public readonly struct Releaser(CallBorrowScope scope) : IDisposable
    {
        public void Dispose() => scope.Release();
    }
}
