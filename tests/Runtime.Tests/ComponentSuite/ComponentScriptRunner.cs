using System.Diagnostics;
using WitSharp.Components;
using WitSharp.Components.Text;
using WitSharp.Runtime.Tests.Spec;
using RtValue = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>Runs the directives of one component .wast script with the semantics of wasmtime's wast runner
/// (crates/wast: every component instance in a store of its own; a named instance is also registered in the
/// linker under its name for later imports; <c>assert_trap</c> matches loosely) and records one outcome per
/// directive. Definitions go text → binary (<see cref="ComponentWastModule.Encode"/>) →
/// <see cref="Component.FromBytes"/> (decode, validate, compile) → <see cref="ComponentLinker.Instantiate"/>.</summary>
internal sealed class ComponentScriptRunner : IDisposable
{
    private readonly string _file;
    private readonly ComponentSuiteSkips _skips;
    private readonly Engine _engine = new();
    private readonly ComponentLinker _linker;
    private readonly List<Store> _stores = [];
    private readonly Dictionary<string, object> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _instances = new(StringComparer.Ordinal);
    private object? _current;
    /// <summary>Why there is no current instance: the line of the definition that failed, or 0.</summary>
    private int _currentFailedAt;
    private readonly List<SpecCommandResult> _results = [];
    private readonly List<string> _notes = [];

    private readonly bool _validateOnly;

    private ComponentScriptRunner(string file, ComponentSuiteSkips skips, bool validateOnly)
    {
        _file = file;
        _skips = skips;
        _validateOnly = validateOnly;
        _linker = new ComponentLinker(_engine) { AllowShadowing = true };
        ComponentSpectestHost.Define(_engine, _linker);
    }

    /// <summary>Runs <paramref name="text"/>, the script at <paramref name="file"/> (<c>corpus/relative/path.wast</c>).
    /// With <paramref name="validateOnly"/> (wasm-tools' corpus: its runner validates and never instantiates, so its
    /// components import whatever they like) a component directive passes when the component decodes, validates
    /// and compiles; it is instantiated only when a later action needs it.</summary>
    public static SpecFileResult Run(string file, string text, ComponentSuiteSkips skips, bool validateOnly = false)
    {
        var sw = Stopwatch.StartNew();
        List<ComponentWastCommand>? commands = null;
        string? scriptError = null;
        try
        {
            commands = ComponentWast.ParseScript(text);
        }
        catch (MalformedException e)
        {
            scriptError = $"the script could not be read: {e.Message}";
        }
        if (skips.FileReason(file) is { } reason)
        {
            // Out of scope: not run. Every directive counts as skipped (one if the script does not parse).
            var skipped = (commands ?? []).Select(c => new SpecCommandResult(c.Line, Directive(c), SpecStatus.Skipped, reason)).ToList();
            if (skipped.Count == 0) skipped.Add(new SpecCommandResult(0, "script", SpecStatus.Skipped, reason));
            return new SpecFileResult(file, skipped, sw.Elapsed);
        }
        using var runner = new ComponentScriptRunner(file, skips, validateOnly);
        if (scriptError is not null) runner._results.Add(new SpecCommandResult(0, "script", SpecStatus.Failed, scriptError));
        foreach (var command in commands ?? []) runner.RunCommand(command);
        return new SpecFileResult(file, runner._results, sw.Elapsed) { MessageNotes = runner._notes };
    }

    public void Dispose()
    {
        foreach (var s in _stores) s.Dispose();
        _linker.Dispose();
        _engine.Dispose();
    }

    private void RunCommand(ComponentWastCommand command)
    {
        string directive = Directive(command);
        if (_skips.CommandReason(_file, command.Line) is { } reason)
        {
            _results.Add(new SpecCommandResult(command.Line, directive, SpecStatus.Skipped, reason));
            return;
        }
        string? failure;
        try
        {
            failure = command switch
            {
                ComponentWastDefine d => d.Module.IsDefinition ? Define(d.Module) : Forget(d.Module.Name, d.Line, Define(d.Module)),
                ComponentWastInstance i => Forget(i.Name, i.Line, InstantiateDefinition(i)),
                ComponentWastRegister r => Register(r),
                ComponentWastInvoke i => Invoke(i.Action, out _, out var trap) ?? (trap is null ? null : $"{Call(i.Action)} trapped: {trap.Message}"),
                ComponentWastAssertReturn a => AssertReturn(a),
                ComponentWastAssertTrap a => AssertTrap(a),
                ComponentWastAssertModule a => AssertModule(a),
                _ => $"unknown command {command.GetType().Name}",
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash of the runtime (not a typed wasm error) fails this directive only.
            failure = $"crashed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} @ {TopFrames(e)}";
        }
        // One line per failure in the logs (wasmtime-style trap messages carry backtraces over several lines).
        failure = failure?.ReplaceLineEndings(" | ");
        _results.Add(new SpecCommandResult(command.Line, directive, failure is null ? SpecStatus.Passed : SpecStatus.Failed, failure));
    }

    internal static string Directive(ComponentWastCommand command) => command switch
    {
        ComponentWastDefine d => (d.Module.IsCoreModule ? "module" : d.Module.IsDefinition ? "component definition" : "component")
            + d.Module.Form switch { ComponentWastForm.Binary => " binary", ComponentWastForm.Quote => " quote", _ => "" },
        ComponentWastInstance => "component instance",
        ComponentWastRegister => "register",
        ComponentWastInvoke => "invoke",
        ComponentWastAssertReturn => "assert_return",
        ComponentWastAssertTrap => "assert_trap",
        ComponentWastAssertModule a => a.Kind switch
        {
            ComponentWastAssertion.Invalid => "assert_invalid",
            ComponentWastAssertion.Malformed => "assert_malformed",
            _ => "assert_unlinkable",
        },
        _ => command.GetType().Name,
    };

    // ---- definitions and instances ----

    /// <summary>Encodes and compiles a definition: a <see cref="Component"/> or a core <see cref="Module"/>.</summary>
    private object Compile(ComponentWastModule m)
    {
        var bytes = m.Encode();
        return m.IsCoreModule ? Module.FromBytes(_engine, m.Name ?? "module", bytes) : Component.FromBytes(_engine, bytes);
    }

    private string? Define(ComponentWastModule m)
    {
        object compiled;
        try
        {
            compiled = Compile(m);
        }
        catch (WasmException e)
        {
            return $"expected a valid {What(m)}, got {Kind(e)}: {e.Message}";
        }
        if (m.IsDefinition)
        {
            _definitions[m.Name ?? ""] = compiled;
            return null;
        }
        if (_validateOnly)
        {
            var pending = new Pending(compiled);
            if (m.Name is not null) _instances[m.Name] = pending;
            _current = pending;
            return null;
        }
        return Instantiate(m.Name, compiled, out var error) is null ? $"instantiation failed: {Describe(error!)}" : null;
    }

    /// <summary>A validated component not instantiated yet (validate-only mode).</summary>
    private sealed record Pending(object Compiled);

    /// <summary>After a failed definition or instantiation, later actions must not run against the previous
    /// instance (wasmtime's runner stops the file there); they fail naming the definition that failed.</summary>
    private string? Forget(string? name, int line, string? failure)
    {
        if (failure is not null)
        {
            _current = null;
            _currentFailedAt = line;
            if (name is not null) _instances.Remove(name);
        }
        return failure;
    }

    private string? InstantiateDefinition(ComponentWastInstance i)
    {
        if (!_definitions.TryGetValue(i.Definition, out var compiled)) return $"no definition named {i.Definition}";
        return Instantiate(i.Name, compiled, out var error) is null ? $"instantiation failed: {Describe(error!)}" : null;
    }

    /// <summary>Instantiates in a fresh store; on success the instance becomes current and, when named, is
    /// registered in the linker under its name (without the <c>$</c>). Returns null with the error otherwise.</summary>
    private object? Instantiate(string? name, object compiled, out Exception? error)
    {
        error = null;
        var store = new Store(_engine);
        _stores.Add(store);
        object instance;
        try
        {
            instance = compiled is Component c ? _linker.Instantiate(store, c) : new Linker(_engine).Instantiate(store, (Module)compiled);
        }
        catch (WasmException e)
        {
            error = e;
            return null;
        }
        if (name is not null)
        {
            _instances[name] = instance;
            if (instance is ComponentInstance ci) _linker.Root().DefineItem(name.TrimStart('$'), AsInstanceItem(name, ci));
        }
        _current = instance;
        return instance;
    }

    private static InstanceItem AsInstanceItem(string name, ComponentInstance instance)
    {
        var item = new InstanceItem(name);
        foreach (var (n, v) in instance.Exports) item.Exports[n] = v;
        return item;
    }

    private string? Register(ComponentWastRegister r)
    {
        if (!TryInstance(r.InstanceName, out var instance, out var error)) return error;
        if (instance is not ComponentInstance ci) return "register of a core module instance is not supported by the runner";
        _linker.Root().DefineItem(r.Name, AsInstanceItem(r.Name, ci));
        return null;
    }

    private bool TryInstance(string? name, out object instance, out string? error)
    {
        error = null;
        if (name is null)
        {
            instance = _current!;
            if (_current is null)
                error = _currentFailedAt > 0 ? $"no current instance: the component at line {_currentFailedAt} failed" : "no component has been instantiated";
        }
        else if (!_instances.TryGetValue(name, out instance!))
        {
            error = $"no instance named {name} (its definition or instantiation failed)";
        }
        if (error is null && instance is Pending p)
        {
            string? key = name ?? _instances.FirstOrDefault(kv => ReferenceEquals(kv.Value, p)).Key;
            var created = Instantiate(key, p.Compiled, out var failed);
            if (created is null)
            {
                error = $"instantiating the component for this action failed: {Describe(failed!)}";
                return false;
            }
            instance = created;
        }
        return error is null;
    }

    // ---- actions ----

    private static string Call(ComponentWastAction a) =>
        $"{(a.InstanceName is null ? "" : a.InstanceName + " ")}\"{a.Export}\"({string.Join(", ", a.Args)})";

    /// <summary>Performs an invocation. Returns an error when it could not be performed; otherwise the result
    /// (or null) and the trap, if the call trapped.</summary>
    private string? Invoke(ComponentWastAction a, out RtValue? result, out TrapException? trap)
    {
        result = null;
        trap = null;
        if (!TryInstance(a.InstanceName, out var instance, out var error)) return error;
        if (instance is not ComponentInstance ci) return "invoking a core module instance is not supported by the runner";
        var func = ci.GetFunction(a.Export);
        if (func is null) return $"no exported function named \"{a.Export}\"";
        RtValue[] args;
        try
        {
            args = [.. a.Args.Select(ComponentWastValues.ToValue)];
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return $"{Call(a)}: bad argument: {e.Message}";
        }
        try
        {
            result = func.Call(args);
        }
        catch (TrapException t)
        {
            trap = t;
        }
        catch (WasmException e)
        {
            return $"{Call(a)} failed: {Describe(e)}";
        }
        catch (ArgumentException e)
        {
            return $"{Call(a)}: arguments rejected: {e.Message}";
        }
        return null;
    }

    private string? AssertReturn(ComponentWastAssertReturn a)
    {
        if (Invoke(a.Action, out var result, out var trap) is { } error) return error;
        if (trap is not null) return $"{Call(a.Action)}: expected ({string.Join(", ", a.Expected)}), got trap {trap.Type}: {trap.Message}";
        if (a.Expected.Count == 0) return result is null ? null : $"{Call(a.Action)}: expected no result, got {result}";
        if (a.Expected.Count > 1) return $"{Call(a.Action)}: {a.Expected.Count} expected results (a component function has at most one)";
        var mismatch = ComponentWastValues.Mismatch(ComponentWastValues.ToValue(a.Expected[0]), result);
        return mismatch is null ? null : $"{Call(a.Action)}: {mismatch}";
    }

    private string? AssertTrap(ComponentWastAssertTrap a)
    {
        TrapException? trap;
        string what;
        if (a.Action is { } action)
        {
            what = Call(action);
            if (Invoke(action, out var result, out trap) is { } error) return error;
            if (trap is null) return $"{what}: expected trap \"{a.Message}\", got {(result is null ? "no result" : result.ToString())}";
        }
        else
        {
            var m = a.Module!;
            what = "instantiation";
            object compiled;
            try
            {
                compiled = Compile(m);
            }
            catch (WasmException e)
            {
                return $"expected a valid {What(m)} whose instantiation traps (\"{a.Message}\"), got {Kind(e)}: {e.Message}";
            }
            if (Instantiate(m.Name, compiled, out var error) is not null) return $"expected instantiation to trap \"{a.Message}\", but it succeeded";
            trap = error as TrapException;
            if (trap is null) return $"expected instantiation to trap \"{a.Message}\", got {Describe(error!)}";
        }
        return ComponentTrapMessages.Matches(a.Message, trap.Type, trap.Message)
            ? null
            : $"{what}: expected trap \"{a.Message}\", got trap {trap.Type}: {trap.Message}";
    }

    private string? AssertModule(ComponentWastAssertModule a)
    {
        var m = a.Module;
        switch (a.Kind)
        {
            case ComponentWastAssertion.Malformed:
                try
                {
                    Compile(m);
                }
                catch (WasmException e) when (IsMalformed(e))
                {
                    Note(a, e.Message);
                    return null;
                }
                catch (WasmException e)
                {
                    return $"expected malformed \"{a.Message}\", got {Kind(e)}: {e.Message}";
                }
                return $"expected malformed \"{a.Message}\", but the {What(m)} was accepted";
            case ComponentWastAssertion.Invalid:
            {
                byte[] bytes;
                try
                {
                    bytes = m.Encode();
                }
                catch (MalformedException e)
                {
                    return $"expected invalid \"{a.Message}\", but the text did not parse: {e.Message}";
                }
                try
                {
                    if (m.IsCoreModule) Module.FromBytes(_engine, "module", bytes);
                    else Component.FromBytes(_engine, bytes);
                }
                catch (WasmException e) when (e is InvalidException || IsMalformed(e))
                {
                    // wasm-tools validates while it decodes, so some rules it reports as invalid are checked by
                    // our binary decoder (e.g. flags label counts, conflicting canonical options): a rejection
                    // either way, the wording is noted.
                    Note(a, e.Message);
                    return null;
                }
                catch (WasmException e)
                {
                    return $"expected invalid \"{a.Message}\", got {Kind(e)}: {e.Message}";
                }
                return $"expected invalid \"{a.Message}\", but the {What(m)} validated";
            }
            default:
            {
                object compiled;
                try
                {
                    compiled = Compile(m);
                }
                catch (WasmException e)
                {
                    return $"expected a valid {What(m)} that fails to link (\"{a.Message}\"), got {Kind(e)}: {e.Message}";
                }
                if (Instantiate(null, compiled, out var error) is not null) return $"expected unlinkable \"{a.Message}\", but it instantiated";
                if (error is not LinkException) return $"expected unlinkable \"{a.Message}\", got {Describe(error!)}";
                Note(a, error.Message);
                return null;
            }
        }
    }

    // ---- helpers ----

    private static string What(ComponentWastModule m) => m.IsCoreModule ? "module" : "component";

    /// <summary>A malformed text or binary: the text parser's and the decoders' errors.</summary>
    private static bool IsMalformed(WasmException e) =>
        e is MalformedException
        || (e is ComponentException && (e.Message.StartsWith("malformed component", StringComparison.Ordinal)
                                         || e.Message.StartsWith("not a component binary", StringComparison.Ordinal)));

    /// <summary>The error kind decides pass or fail; a message worded unlike the script's is only noted.</summary>
    private void Note(ComponentWastAssertModule a, string message)
    {
        if (!message.Contains(a.Message, StringComparison.OrdinalIgnoreCase))
            _notes.Add($"{_file}:{a.Line}: expected \"{a.Message}\", got \"{message.ReplaceLineEndings(" ")}\"");
    }

    private static string Describe(Exception e) => e is TrapException t ? $"trap {t.Type}: {t.Message}" : $"{Kind(e)}: {e.Message}";

    internal static string Kind(Exception e) => e switch
    {
        MalformedException => "malformed",
        InvalidException => "invalid",
        LinkException => "unlinkable",
        TrapException => "trap",
        _ => e.GetType().Name,
    };

    private static string TopFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.StartsWith("at ", StringComparison.Ordinal) ? f[3..] : f)
            .Select(f => f.Contains(" in ", StringComparison.Ordinal) ? f[..f.IndexOf(" in ", StringComparison.Ordinal)] : f)
            .Take(3);
        return string.Join(" < ", frames);
    }
}
