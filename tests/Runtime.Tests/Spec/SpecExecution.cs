using WitSharp.Core;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Script semantics of instantiation and actions (spec interpreter script.ml): the current
/// module, named modules, registrations, and the assertions over actions. Each command's outcome is
/// null (passed) or a message saying what was expected and what happened.</summary>
internal sealed class SpecExecution(ISpecBackend? backend, string? unavailable) : IDisposable
{
    private readonly Dictionary<string, object> _named = new(StringComparer.Ordinal);
    private object? _current;
    private string? _currentError = "no module defined yet";

    private string NotRun => $"not run: {unavailable}";

    public void Dispose() => backend?.Dispose();

    /// <summary>A module that failed to compile leaves no current module behind.</summary>
    public void Forget(string? name)
    {
        _current = null;
        _currentError = "the module before this command did not compile";
        if (name is not null) _named.Remove(name);
    }

    public string? Instantiate(WastModule module, byte[] bytes, ModuleInfo info)
    {
        if (backend is null)
        {
            Forget(module.Name);
            _currentError = NotRun;
            return NotRun;
        }
        try
        {
            _current = backend.Instantiate(bytes);
            _currentError = null;
            if (module.Name is not null) _named[module.Name] = _current;
            return null;
        }
        catch (Exception e) when (e is SpecTrap or SpecLinkError)
        {
            Forget(module.Name);
            _currentError = "the module before this command did not instantiate";
            return $"instantiation failed: {Describe(e)}";
        }
        catch
        {
            Forget(module.Name);
            _currentError = "the module before this command crashed while instantiating";
            throw;
        }
    }

    public string? Register(string name, string? moduleName)
    {
        if (backend is null) return NotRun;
        if (!TryResolve(moduleName, out var instance, out var error)) return error;
        backend.Register(name, instance);
        return null;
    }

    /// <summary>Runs an action; on failure returns the message and leaves <paramref name="results"/> null.</summary>
    public string? Perform(WastAction action, out IReadOnlyList<SpecValue>? results)
    {
        results = null;
        if (backend is null) return NotRun;
        if (!TryResolve(action.ModuleName, out var instance, out var error)) return error;
        try
        {
            results = action.Kind == WastActionKind.Invoke
                ? backend.Invoke(instance, action.Export, action.Args)
                : [backend.Get(instance, action.Export)];
            return null;
        }
        catch (Exception e) when (e is SpecTrap or SpecLinkError)
        {
            return $"{Describe(e)}";
        }
    }

    public string? AssertReturn(WastAssertReturn a)
    {
        var failure = Perform(a.Action, out var results);
        if (failure is not null) return failure.StartsWith("not run", StringComparison.Ordinal) ? failure : $"{Call(a.Action)}: expected ({string.Join(", ", a.Expected)}), got: {failure}";
        bool ok = results!.Count == a.Expected.Count;
        for (int i = 0; ok && i < results.Count; i++) ok = SpecMatch.Matches(a.Expected[i], results[i]);
        return ok ? null : $"{Call(a.Action)}: expected ({string.Join(", ", a.Expected)}), got ({string.Join(", ", results)})";
    }

    public string? AssertTrap(WastAssertTrap a)
    {
        if (backend is null) return NotRun;
        if (!TryResolve(a.Action.ModuleName, out var instance, out var error)) return error;
        var expected = a.Exhaustion ? TrapCode.StackOverflow : SpecMatch.TrapFor(a.Message);
        try
        {
            var results = a.Action.Kind == WastActionKind.Invoke
                ? backend.Invoke(instance, a.Action.Export, a.Action.Args)
                : [backend.Get(instance, a.Action.Export)];
            return $"{Call(a.Action)}: expected trap \"{a.Message}\", got ({string.Join(", ", results)})";
        }
        catch (SpecTrap t)
        {
            return t.Code == expected ? null : $"{Call(a.Action)}: expected trap \"{a.Message}\" ({expected}), got trap {t.Code}: {t.Message}";
        }
        catch (SpecLinkError e)
        {
            return $"{Call(a.Action)}: expected trap \"{a.Message}\", got {Describe(e)}";
        }
    }

    public string? AssertUnlinkable(WastAssertModule a, byte[] bytes, ModuleInfo info)
    {
        if (backend is null) return NotRun;
        try
        {
            backend.Instantiate(bytes);
            return $"expected unlinkable \"{a.Message}\", but the module instantiated";
        }
        catch (SpecLinkError)
        {
            return null;
        }
        catch (SpecTrap t)
        {
            return $"expected unlinkable \"{a.Message}\", got {Describe(t)}";
        }
    }

    public string? AssertUninstantiable(WastAssertModule a, byte[] bytes, ModuleInfo info)
    {
        if (backend is null) return NotRun;
        var expected = SpecMatch.TrapFor(a.Message);
        try
        {
            backend.Instantiate(bytes);
            return $"expected instantiation to trap \"{a.Message}\", but the module instantiated";
        }
        catch (SpecTrap t)
        {
            return expected is null || t.Code == expected ? null : $"expected instantiation to trap \"{a.Message}\" ({expected}), got trap {t.Code}: {t.Message}";
        }
        catch (SpecLinkError e)
        {
            return $"expected instantiation to trap \"{a.Message}\", got {Describe(e)}";
        }
    }

    private bool TryResolve(string? name, out object instance, out string? error)
    {
        error = null;
        if (name is null)
        {
            instance = _current!;
            if (_current is null) error = _currentError ?? "no current module";
            return _current is not null;
        }
        if (_named.TryGetValue(name, out instance!)) return true;
        error = $"unknown module {name}";
        return false;
    }

    private static string Call(WastAction a) =>
        $"{(a.Kind == WastActionKind.Invoke ? "invoke" : "get")} {(a.ModuleName is null ? "" : a.ModuleName + " ")}\"{a.Export}\"({string.Join(", ", a.Args)})";

    private static string Describe(Exception e) => e switch
    {
        SpecTrap t => $"trap {t.Code}: {t.Message}",
        SpecLinkError => $"link error: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
