using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

/// <summary>A world read from a binary, with the <see cref="Wit.Resolve"/> that holds it and every package,
/// interface and type it refers to.</summary>
public class DecodedWorld
{
    internal DecodedWorld(Resolve resolve, int world, int package)
    {
        Resolve = resolve;
        World = world;
        Package = package;
    }

    /// <summary>The resolve the world was decoded into.</summary>
    public Resolve Resolve { get; }

    /// <summary>Index of the world in <see cref="Wit.Resolve.Worlds"/>.</summary>
    public int World { get; }

    /// <summary>Index of the world's package in <see cref="Wit.Resolve.Packages"/>.</summary>
    public int Package { get; }

    /// <summary>The world itself.</summary>
    public WitWorld Definition => Resolve.Worlds[World];
}

/// <summary>A world carried by a <c>component-type</c> custom section (as <c>wit-bindgen</c> and
/// <c>wasm-tools component embed</c> write it into a core module), with the string encoding the bindings
/// were generated for.</summary>
public sealed class EmbeddedWorld : DecodedWorld
{
    internal EmbeddedWorld(Resolve resolve, int world, int package, string sectionName, StringEncoding encoding)
        : base(resolve, world, package)
    {
        SectionName = sectionName;
        StringEncoding = encoding;
    }

    /// <summary>The custom section's full name (<c>component-type:…</c>).</summary>
    public string SectionName { get; }

    /// <summary>The string encoding recorded in the section's <c>wit-component-encoding</c> metadata.</summary>
    public StringEncoding StringEncoding { get; }
}

/// <summary>A WIT package read from its binary encoding, with the resolve holding it and its dependencies.</summary>
public sealed class DecodedPackage
{
    internal DecodedPackage(Resolve resolve, int package)
    {
        Resolve = resolve;
        Package = package;
    }

    /// <summary>The resolve the package was decoded into (dependencies first).</summary>
    public Resolve Resolve { get; }

    /// <summary>Index of the package in <see cref="Wit.Resolve.Packages"/>.</summary>
    public int Package { get; }
}
