using System;
using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

/// <summary>
/// Reads WIT out of WebAssembly binaries into the WIT model:
/// <list type="bullet">
/// <item><see cref="DecodeComponent(byte[])"/>: the world a component implements, from its own imports and
/// exports (what <c>wasm-tools component wit</c> / <c>jco wit</c> print): world <c>root</c> of package
/// <c>root:component</c>, with the interfaces it names as foreign packages holding just what it uses.</item>
/// <item><see cref="DecodeCustomSections"/>: the worlds in <c>component-type*</c> custom sections of a core
/// module or component (the wit-component metadata format: the section is a component exporting one
/// component type whose single export is the world, named <c>ns:pkg/world</c>).</item>
/// </list>
/// Malformed input raises <see cref="WitBinaryException"/> with the byte offset (absolute in the buffer
/// given), never another exception type.
/// </summary>
public static class ComponentWit
{
    /// <summary>Name prefix of the custom sections that carry a world (wit-component <c>metadata.rs</c>).</summary>
    public const string ComponentTypeSectionPrefix = "component-type";

    /// <summary>The custom section inside a <c>component-type</c> payload recording version and string encoding.</summary>
    public const string EncodingSectionName = "wit-component-encoding";

    /// <summary>The only metadata version of the current format (<c>CURRENT_VERSION</c>).</summary>
    public const byte MetadataVersion = 0x04;

    /// <summary>Decodes a component binary and returns the world of its imports and exports.</summary>
    /// <exception cref="WitBinaryException">The bytes are not a well-formed component.</exception>
    public static DecodedWorld DecodeComponent(byte[] bytes)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        return DecodeComponent(ComponentDecoder.Decode(bytes));
    }

    /// <summary>The world of an already decoded component's imports and exports.</summary>
    /// <exception cref="WitBinaryException">The component's types do not describe a WIT world.</exception>
    public static DecodedWorld DecodeComponent(Component component)
    {
        if (component is null) throw new ArgumentNullException(nameof(component));
        var walker = new TypeWalker();
        return Guard(walker, component.Offset, () =>
        {
            var scope = walker.WalkComponent(component, null, 0);
            var resolve = new Resolve();
            var builder = new WitBuilder(resolve, walker);
            // As in the reference decoder, a binary component carries no package or world name of its own.
            var package = new WitBuilder.PendingPackage(new PackageName("root", "component", null), component.Offset);
            var world = resolve.AddWorld(new WitWorld("root"));
            package.Worlds.Set("root", world);
            builder.FillWorld(world, scope.Imports, scope.Exports, package);
            var pkg = builder.Finish(package);
            return new DecodedWorld(resolve, world, pkg);
        });
    }

    /// <summary>Decodes every <c>component-type*</c> custom section of a core module, or of a component and the
    /// core modules nested in it, each into its own resolve. Returns an empty list when there are none.</summary>
    /// <exception cref="WitBinaryException">The binary or a section is malformed.</exception>
    public static IReadOnlyList<EmbeddedWorld> DecodeCustomSections(byte[] bytes)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        var result = new List<EmbeddedWorld>();
        foreach (var (name, payload) in FindComponentTypeSections(bytes))
        {
            result.Add(DecodeComponentTypeSection(name, payload));
        }
        return result;
    }

    /// <summary>Decodes the payload of one <c>component-type</c> custom section (a component; see the type
    /// summary). <paramref name="payload"/> may be a window of a larger buffer; offsets in errors are
    /// positions in that buffer.</summary>
    /// <exception cref="WitBinaryException">The payload is malformed or in an unsupported metadata version.</exception>
    public static EmbeddedWorld DecodeComponentTypeSection(string sectionName, ArraySegment<byte> payload)
    {
        if (payload.Array is null) throw new ArgumentNullException(nameof(payload));
        var start = payload.Offset;
        if (payload.Count > 0 && payload.Array[start] == 0x03)
            throw new WitBinaryException("component-type metadata version 3 (pre-2024 wit-bindgen) is not supported; rebuild with a current toolchain", start);
        var component = ComponentDecoder.DecodeComponent(new BinaryCursor(payload.Array, start, start + payload.Count), 0);
        var walker = new TypeWalker();
        return Guard(walker, start, () =>
        {
            var encoding = ReadEncoding(component);
            var scope = walker.WalkComponent(component, null, 0);
            if (scope.Exports.Items.Count != 1)
                throw new WitBinaryException("a component-type section exports exactly one type, found " + scope.Exports.Items.Count + " exports", component.Offset);
            var export = scope.Exports.Items[0].Value;
            var outer = (export.Type is AliasEntry a ? a.Target : export.Type) as ComponentEntry;
            if (export.Kind != ExternKind.Type || outer is null)
                throw new WitBinaryException("a component-type section must export a component type", component.Offset);
            if (outer.Imports.Items.Count != 0 || outer.Exports.Items.Count != 1 || outer.Exports.Items[0].Value.Type is not ComponentEntry worldType)
                throw new WitBinaryException("the exported component type must export exactly one component type (the world)", outer.Offset);

            var resolve = new Resolve();
            var builder = new WitBuilder(resolve, walker);
            var worldName = outer.Exports.Items[0].Key;
            var split = WitBuilder.SplitInterfaceName(worldName, outer.Offset)
                ?? throw new WitBinaryException("world name '" + worldName + "' is not of the form ns:pkg/world", outer.Offset);
            var package = new WitBuilder.PendingPackage(split.Package, outer.Offset);
            var (world, _) = builder.RegisterWorld(worldName, worldType, package);
            var pkg = builder.Finish(package);
            return new EmbeddedWorld(resolve, world, pkg, sectionName, encoding);
        });
    }

    /// <summary>Decodes a WIT package encoded as a component (the format of <c>wasm-tools component wit
    /// --wasm</c> and of packages published to registries): every export is a component type with one export,
    /// a component type for a world or an instance type for an interface, named <c>ns:pkg/item</c>; the
    /// component type's imports are the interfaces the item uses.</summary>
    /// <exception cref="WitBinaryException">The bytes are malformed or not a WIT package.</exception>
    public static DecodedPackage DecodePackage(byte[] bytes) => DecodePackage(bytes, new Resolve());

    /// <summary>Decodes a binary WIT package into an existing resolve, as a <c>deps/</c> entry: interfaces of
    /// packages the resolve already holds are used in place (their types must be there), other referenced
    /// packages are added with just what is used. On failure the resolve may hold a partial package.</summary>
    /// <exception cref="WitBinaryException">The bytes are malformed, not a WIT package, or redefine an item.</exception>
    public static DecodedPackage DecodePackage(byte[] bytes, Resolve into)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        if (into is null) throw new ArgumentNullException(nameof(into));
        var component = ComponentDecoder.Decode(bytes);
        var walker = new TypeWalker();
        return Guard(walker, component.Offset, () =>
        {
            var scope = walker.WalkComponent(component, null, 0);
            if (scope.Exports.Items.Count == 0 || scope.Imports.Items.Count != 0)
                throw new WitBinaryException("a WIT package exports component types and imports nothing", component.Offset);
            var resolve = into;
            var builder = new WitBuilder(resolve, walker);
            WitBuilder.PendingPackage? package = null;
            foreach (var kv in scope.Exports.Items)
            {
                var outer = (kv.Value.Type is AliasEntry a ? a.Target : kv.Value.Type) as ComponentEntry;
                if (kv.Value.Kind != ExternKind.Type || outer is null || outer.Exports.Items.Count != 1)
                    throw new WitBinaryException("export '" + kv.Key + "' is not a component type with exactly one export", kv.Value.Type.Offset);
                var (name, item) = (outer.Exports.Items[0].Key, outer.Exports.Items[0].Value);
                var split = WitBuilder.SplitInterfaceName(name, outer.Offset)
                    ?? throw new WitBinaryException("'" + name + "' is not of the form ns:pkg/item", outer.Offset);
                package ??= new WitBuilder.PendingPackage(split.Package, outer.Offset);
                if (!package.Name.Equals(split.Package))
                    throw new WitBinaryException("'" + name + "' is not in package " + package.Name, outer.Offset);
                switch (item.Type)
                {
                    case ComponentEntry world:
                        builder.RegisterWorld(name, world, package);
                        break;
                    case InstanceEntry iface:
                        foreach (var import in outer.Imports.Items)
                        {
                            if (import.Value.Type is not InstanceEntry used)
                                throw new WitBinaryException("import '" + import.Key + "' of '" + name + "' is not an interface", outer.Offset);
                            builder.RegisterImport(import.Key, used);
                        }
                        builder.RegisterInterface(name, iface, package);
                        break;
                    default:
                        throw new WitBinaryException("'" + name + "' is neither a world nor an interface", outer.Offset);
                }
            }
            return new DecodedPackage(resolve, builder.Finish(package!));
        });
    }

    private static StringEncoding ReadEncoding(Component component)
    {
        foreach (var custom in component.CustomSections)
        {
            if (custom.Name != EncodingSectionName) continue;
            var data = custom.Data;
            if (data.Count != 2 || data.Array![data.Offset] != MetadataVersion)
                throw new WitBinaryException(EncodingSectionName + " must be 2 bytes starting with version " + MetadataVersion, custom.Offset);
            return data.Array[data.Offset + 1] switch
            {
                0 => StringEncoding.Utf8,
                1 => StringEncoding.Utf16,
                2 => StringEncoding.Latin1Utf16,
                var b => throw new WitBinaryException("invalid string encoding 0x" + b.ToString("x2"), data.Offset + 1),
            };
        }
        throw new WitBinaryException("missing custom section '" + EncodingSectionName + "'", component.Offset);
    }

    /// <summary>Finds <c>component-type*</c> sections in a core module, or in a component and its nested core
    /// modules and components.</summary>
    internal static List<(string Name, ArraySegment<byte> Payload)> FindComponentTypeSections(byte[] bytes)
    {
        var found = new List<(string, ArraySegment<byte>)>();
        if (Component.IsComponent(bytes))
        {
            CollectFromComponent(ComponentDecoder.Decode(bytes), found);
        }
        else
        {
            CoreCustomSections.Collect(bytes, 0, bytes.Length, found);
        }
        return found;
    }

    private static void CollectFromComponent(Component component, List<(string, ArraySegment<byte>)> found)
    {
        foreach (var def in component.Definitions)
        {
            switch (def)
            {
                case CustomSectionDefinition custom when custom.Name.StartsWith(ComponentTypeSectionPrefix, StringComparison.Ordinal):
                    found.Add((custom.Name, custom.Data));
                    break;
                case CoreModuleDefinition module:
                    CoreCustomSections.Collect(module.Bytes.Array!, module.Bytes.Offset, module.Bytes.Offset + module.Bytes.Count, found);
                    break;
                case NestedComponentDefinition nested:
                    CollectFromComponent(nested.Component, found);
                    break;
            }
        }
    }

    /// <summary>Runs a decoding step so that only typed exceptions escape: a failure the checks above did not
    /// anticipate is still reported as malformed input at the definition being processed.</summary>
    private static T Guard<T>(TypeWalker walker, int fallbackOffset, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is not WitBinaryException and not WitException and not OutOfMemoryException)
        {
            throw new WitBinaryException("malformed component types: " + e.Message, walker.CurrentOffset > 0 ? walker.CurrentOffset : fallbackOffset);
        }
    }
}
