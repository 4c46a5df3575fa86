namespace WitSharp;

public readonly ref partial struct Caller
{
    /// <summary>A span over the calling instance's exported memory <paramref name="name"/>
    /// (wasmtime-dotnet <c>Caller.TryGetMemorySpan</c>).</summary>
    /// <typeparam name="T">The element type the memory is viewed as.</typeparam>
    /// <param name="name">The name of the exported memory.</param>
    /// <param name="address">The zero-based byte address of the start of the span.</param>
    /// <param name="length">The number of <typeparamref name="T"/> elements.</param>
    /// <param name="result">The span, when the memory exists.</param>
    /// <returns>False when the caller exports no memory of that name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the memory.</exception>
    public bool TryGetMemorySpan<T>(string name, long address, int length, out Span<T> result) where T : unmanaged
    {
        if (GetMemory(name) is not { } memory)
        {
            result = default;
            return false;
        }
        result = memory.GetSpan<T>(address, length);
        return true;
    }
}
