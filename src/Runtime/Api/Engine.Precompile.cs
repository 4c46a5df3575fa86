using WitSharp.Components;

namespace WitSharp;

public sealed partial class Engine
{
    /// <summary>Compiles a core module binary ahead of time and returns its artifact, without keeping the module
    /// in this engine (wasmtime <c>Engine::precompile_module</c>). Load the result with
    /// <see cref="Module.Deserialize"/> in an engine configured the same way (see <see cref="Module.Serialize"/>
    /// for what must match). Same bytes as <c>Module.FromBytes(engine, …).Serialize()</c>.</summary>
    /// <exception cref="MalformedException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidException">The module fails validation.</exception>
    public byte[] PrecompileModule(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Module.Precompile(this, bytes);
    }

    /// <summary>Compiles a component binary ahead of time and returns its artifact (wasmtime
    /// <c>Engine::precompile_component</c>). Load the result with <see cref="Component.Deserialize"/> or
    /// <see cref="Component.DeserializeFile"/> in an engine configured the same way.</summary>
    /// <exception cref="ComponentException">The component is malformed or uses an unsupported feature.</exception>
    public byte[] PrecompileComponent(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Component.Precompile(this, bytes);
    }
}
