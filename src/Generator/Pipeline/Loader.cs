using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Model;
using WitSharp.Wit;

namespace WitSharp.Generator.Pipeline;

/// <summary>Parses and resolves a request's WIT (src/Wit), selects the world and builds the model. Every
/// failure becomes a diagnostic: the generator must never crash the compiler.</summary>
internal static class Loader
{
    public static ModelResult Load(ResolvedRequest input, CancellationToken cancellationToken)
    {
        var request = input.Request;
        if (request.Error is { } error) return Fail(error);
        try
        {
            if (input.Wasm is { } wasm) return LoadComponent(wasm, request);
            if (input.Main.Count == 0)
            {
                return Fail(DiagnosticInfo.Create(Descriptors.InputNotFound, request.Location, request.Path, input.LookedFor));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var resolve = new Resolve(request.Features);
            var texts = input.Main.Concat(input.Dependencies.SelectMany(d => d.Files))
                .GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
            int packageId;
            try
            {
                var main = input.Main.Select(f => new WitSource(f.Path, f.Text)).ToList();
                var deps = input.Dependencies.Select(d => (IReadOnlyList<WitSource>)d.Files.Select(f => new WitSource(f.Path, f.Text)).ToList()).ToList();
                packageId = resolve.PushSources(main, deps);
            }
            catch (WitException ex)
            {
                var location = WitLocations.Find(ex, path => texts.TryGetValue(path, out var t) ? t : null) ?? request.Location;
                var where = ex.HasLocation ? " (" + ex.File + ":" + ex.Line + ":" + ex.Column + ")" : string.Empty;
                return Fail(DiagnosticInfo.Create(Descriptors.WitError, location, ex.Reason + where));
            }

            int worldId;
            try
            {
                worldId = resolve.SelectWorld(packageId, string.IsNullOrWhiteSpace(request.World) ? null : request.World);
            }
            catch (WitException ex)
            {
                return Fail(DiagnosticInfo.Create(Descriptors.WorldNotFound, request.Location, ex.Reason));
            }

            cancellationToken.ThrowIfCancellationRequested();
            return ModelBuilder.Build(resolve, worldId, request);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.InternalError, request.Location, request.Class.FullName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    // The world a component binary implements (its own imports and exports, as `wasm-tools component wit`
    // prints it), decoded by src/Wit/Decoding from the base64 copy build/WitSharp.targets passes.
    private static ModelResult LoadComponent(InputFile wasm, ComponentRequest request)
    {
        if (wasm.Text.Length == 0)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.WasmNotSupported, request.Location, wasm.Path,
                "it reached the compiler as a plain AdditionalFiles item; list it as <WasmComponent Include=\"…\" /> so the build hands the generator its bytes"));
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(wasm.Text.Trim());
        }
        catch (FormatException)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.BadComponent, request.Location, wasm.Path, "the build's base64 copy of it is damaged"));
        }
        Wit.Decoding.DecodedWorld decoded;
        List<string> exportSection;
        try
        {
            var component = Wit.Binary.ComponentDecoder.Decode(bytes);
            // The order of the export section is the order of the runtime's export indices (Component.ComponentType).
            exportSection = component.Exports.Select(e => e.Name.Name).ToList();
            decoded = Wit.Decoding.ComponentWit.DecodeComponent(component);
        }
        catch (Wit.Binary.WitBinaryException ex)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.BadComponent, request.Location, wasm.Path, ex.Message));
        }
        catch (WitException ex)
        {
            return Fail(DiagnosticInfo.Create(Descriptors.BadComponent, request.Location, wasm.Path, ex.Message));
        }
        var result = ModelBuilder.Build(decoded.Resolve, decoded.World, request);
        if (result.Model is not { } model) return result;
        var positions = model.ExportNames.Select(n => exportSection.IndexOf(n)).ToEquatableArray();
        return result with { Model = model with { FromBinary = true, EmbeddedResource = wasm.ResourceName, ExportPositions = positions } };
    }

    private static ModelResult Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());
}
