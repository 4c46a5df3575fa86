using System.Reflection;
using System.Reflection.Emit;

namespace WitSharp.Core.Compilation;

/// <summary>Lazy emission of one module (docs/RATIONALE.md "Lazy emission"). The defined functions are split by
/// index into chunks of <see cref="ChunkSize"/>, one <see cref="TypeBuilder"/> each. Every method is defined
/// up front (cheap: no IL), so a body may <c>call</c> any function directly; a chunk's bodies are emitted
/// and its type created only when the runtime first needs the type: when the JIT compiles a method that
/// calls into it, the type loader finds the type not yet created and raises
/// <see cref="AppDomain.TypeResolve"/>, which <see cref="LazyTypes"/> routes to <see cref="Resolve"/>. Hot
/// code is unchanged: calls between wasm functions stay direct IL <c>call</c>s, resolved once at JIT time.</summary>
internal sealed class LazyModule
{
    /// <summary>Functions per chunk type. Small enough that a JIT-triggered chunk costs a few ms of emission,
    /// large enough that the per-type overhead (define, create, register) stays below the per-function one;
    /// neighbouring indices tend to be related code (one source file), so chunks by index have locality.</summary>
    public const int ChunkSize = 16;

    private readonly object _gate;
    private readonly ModuleEmitter _emitter;
    private readonly TypeBuilder[] _builders;
    private readonly Type?[] _created;
    private readonly bool[] _emitting;
    private readonly Exception?[] _failed;
    private readonly Assembly _assembly;
    private CompiledModule? _compiled;
    private int _createdCount;

    /// <param name="gate">The code generator's lock: a <see cref="ModuleBuilder"/> is not thread-safe, so every
    /// definition, emission and type creation of the engine's dynamic module happens under it.</param>
    /// <param name="module">The engine's dynamic module.</param>
    /// <param name="prefix">Process-unique type name prefix (the resolve event is process-wide).</param>
    /// <param name="info">The validated module.</param>
    /// <param name="signatureFields">Per type index, the static holding its signature id (<see cref="SignatureTable"/>).</param>
    /// <param name="options">Engine settings that change the code.</param>
    public LazyModule(object gate, ModuleBuilder module, string prefix, ModuleInfo info, FieldInfo[] signatureFields, EmitOptions options)
    {
        _gate = gate;
        _assembly = module.Assembly;
        Prefix = prefix;
        int count = info.FunctionTypeIndices.Count;
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        _builders = new TypeBuilder[chunks];
        _created = new Type?[chunks];
        _emitting = new bool[chunks];
        _failed = new Exception?[chunks];
        for (int c = 0; c < chunks; c++)
            _builders[c] = module.DefineType(ChunkName(prefix, c), TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        _emitter = new ModuleEmitter(info, signatureFields, options, i => _builders[i / ChunkSize]);
    }

    public string Prefix { get; }

    public ModuleEmitter Emitter => _emitter;

    /// <summary>Chunks whose types exist (for tests and diagnostics).</summary>
    public int CreatedChunks => Volatile.Read(ref _createdCount);

    public int ChunkCount => _builders.Length;

    /// <summary>Whether defined function <paramref name="defined"/> has been emitted (its chunk created).</summary>
    public bool IsCompiled(int defined) => Volatile.Read(ref _created[defined / ChunkSize]) is not null;

    public static string ChunkName(string prefix, int chunk) => prefix + "_" + chunk;

    /// <summary>Set once the module's <see cref="CompiledModule"/> exists; chunk types register with it for
    /// backtraces. No chunk can be needed before: nothing calls into the module until it is instantiated.</summary>
    public void Attach(CompiledModule compiled) => _compiled = compiled;

    /// <summary>Emits and creates chunk <paramref name="chunk"/> unless it exists; returns the assembly that now
    /// holds it (what the resolve event must answer).</summary>
    public Assembly Resolve(int chunk)
    {
        if (Volatile.Read(ref _created[chunk]) is not null) return _assembly;
        lock (_gate)
        {
            if (_created[chunk] is not null) return _assembly;
            // Emission runs our own C# only, never code of this dynamic module, so it cannot re-enter for the
            // same chunk (the lock is re-entrant for this thread); if it somehow did, failing beats emitting a
            // body twice. The exception surfaces from the JIT at the call that needed the chunk.
            if (_failed[chunk] is { } failure)
                throw new InvalidOperationException($"emitting {ChunkName(Prefix, chunk)} failed earlier: {failure.Message}", failure);
            if (_emitting[chunk]) throw new InvalidOperationException($"chunk {ChunkName(Prefix, chunk)} re-entered while being emitted");
            _emitting[chunk] = true;
            Type type;
            try
            {
                int start = chunk * ChunkSize;
                int end = Math.Min(start + ChunkSize, _emitter.Methods.Length);
                for (int i = start; i < end; i++) _emitter.EmitBody(i);
                type = _builders[chunk].CreateType();
            }
            catch (Exception e)
            {
                // Half-emitted IL cannot be emitted again; later calls that need the chunk report this failure.
                _failed[chunk] = e;
                throw;
            }
            if (_compiled is not null) Backtrace.Register(type, _compiled);
            Volatile.Write(ref _created[chunk], type);
            Interlocked.Increment(ref _createdCount);
            return _assembly;
        }
    }

    /// <summary>Creates every chunk not yet created (eager compilation of a lazily laid-out module).</summary>
    public void ResolveAll()
    {
        for (int c = 0; c < _builders.Length; c++) Resolve(c);
    }
}
