namespace WitSharp.Components;

/// <summary>Why a <see cref="ResourceTable"/> operation failed (wasmtime's <c>ResourceTableError</c>).</summary>
public enum ResourceTableError
{
    /// <summary>The table holds the maximum number of entries.</summary>
    Full,
    /// <summary>No entry has the handle's representation (never pushed, or deleted).</summary>
    NotPresent,
    /// <summary>The entry holds a value of another type than the handle's.</summary>
    WrongType,
}

/// <summary>A <see cref="ResourceTable"/> operation failed.</summary>
public sealed class ResourceTableException : WasmException
{
    /// <summary>Creates the exception.</summary>
    public ResourceTableException(ResourceTableError error, string message) : base(message) => Error = error;

    /// <summary>What went wrong.</summary>
    public ResourceTableError Error { get; }
}

/// <summary>
/// Host-side state of host-defined resources (wasmtime's <c>ResourceTable</c>): <see cref="Push{T}"/> stores a
/// value and returns an owned <see cref="Resource{T}"/> whose representation is the entry's index; host functions
/// look the value up with <see cref="Get{T}(Resource{T})"/>; the destructor given to
/// <see cref="ComponentLinkerInstance.DefineResource"/> removes it with <see cref="Delete{T}(uint)"/>.
/// Freed indices are reused. Not thread-safe, like the store it serves.
/// </summary>
public sealed class ResourceTable
{
    private const int MaxEntries = int.MaxValue - 1;

    private readonly List<object?> _entries = [];
    private readonly Stack<int> _free = new();

    /// <summary>Live entries.</summary>
    public int Count => _entries.Count - _free.Count;

    /// <summary>Stores <paramref name="value"/> and returns an owned handle to it.</summary>
    /// <exception cref="ResourceTableException">The table is full.</exception>
    public Resource<T> Push<T>(T value) where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        int index;
        if (_free.Count > 0)
        {
            index = _free.Pop();
            _entries[index] = value;
        }
        else
        {
            if (_entries.Count >= MaxEntries) throw new ResourceTableException(ResourceTableError.Full, "the resource table is full");
            index = _entries.Count;
            _entries.Add(value);
        }
        return Resource<T>.NewOwn((uint)index);
    }

    /// <summary>The value <paramref name="resource"/> refers to.</summary>
    /// <exception cref="ResourceTableException">No such entry, or it holds another type.</exception>
    public T Get<T>(Resource<T> resource) where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Get<T>(resource.Rep);
    }

    /// <summary>The value stored at the representation <paramref name="rep"/>.</summary>
    /// <exception cref="ResourceTableException">No such entry, or it holds another type.</exception>
    public T Get<T>(uint rep) where T : class
    {
        if (rep >= (uint)_entries.Count || _entries[(int)rep] is not { } value)
            throw new ResourceTableException(ResourceTableError.NotPresent, $"resource table entry {rep} is not present");
        return value as T
            ?? throw new ResourceTableException(ResourceTableError.WrongType,
                $"resource table entry {rep} holds a {value.GetType().Name}, not a {typeof(T).Name}");
    }

    /// <summary>Looks up the value at <paramref name="rep"/> without throwing.</summary>
    public bool TryGet<T>(uint rep, out T? value) where T : class
    {
        value = rep < (uint)_entries.Count ? _entries[(int)rep] as T : null;
        return value is not null;
    }

    /// <summary>Removes and returns the value <paramref name="resource"/> refers to.</summary>
    /// <exception cref="ResourceTableException">No such entry, or it holds another type.</exception>
    public T Delete<T>(Resource<T> resource) where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Delete<T>(resource.Rep);
    }

    /// <summary>Removes and returns the value at <paramref name="rep"/> (for destructors, which get the representation).</summary>
    /// <exception cref="ResourceTableException">No such entry, or it holds another type.</exception>
    public T Delete<T>(uint rep) where T : class
    {
        var value = Get<T>(rep);
        _entries[(int)rep] = null;
        _free.Push((int)rep);
        return value;
    }
}
