namespace WitSharp.Core.Compilation;

/// <summary>Engine-wide ids of function types for <c>call_indirect</c>: structurally equal types share one id, in
/// every module and host function of the engine. Kept apart from the <see cref="CodeGenerator"/> so that binding a
/// loaded artifact, which needs only ids, does not create the engine's Reflection.Emit assembly (measured: about
/// 10 ms of a componentize-js artifact load), and so that ids exist where no code can be emitted at all.</summary>
internal sealed class SignatureRegistry
{
    private readonly Dictionary<FuncType, int> _ids = [];

    /// <summary>The id of <paramref name="type"/>, assigned on first request (ids start at 1; 0 is never an id).</summary>
    public int Id(FuncType type)
    {
        lock (_ids)
        {
            if (!_ids.TryGetValue(type, out int id))
            {
                id = _ids.Count + 1;
                _ids.Add(type, id);
            }
            return id;
        }
    }
}
