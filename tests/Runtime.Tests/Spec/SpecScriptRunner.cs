using System.Diagnostics;
using WitSharp.Core;
using WitSharp.Core.Binary;
using WitSharp.Core.Text;
using WitSharp.Core.Validation;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Runs the commands of one .wast script (spec interpreter script semantics) and records one
/// outcome per command. Front-end directives (module definitions, <c>assert_malformed</c>,
/// <c>assert_invalid</c>) go through text → binary → decode → validate; the rest need instantiation and
/// execution, which <see cref="SpecExecution"/> provides.</summary>
internal sealed class SpecScriptRunner
{
    private readonly string _file;
    private readonly SpecSkips _skips;
    private readonly SpecExecution _exec;
    private readonly List<SpecCommandResult> _results = [];
    private readonly List<string> _notes = [];

    private SpecScriptRunner(string file, SpecSkips skips, ISpecBackend? backend)
    {
        _file = file;
        _skips = skips;
        string? unavailable = null;
        _exec = new SpecExecution(backend ?? SpecBackends.Create(out unavailable), unavailable);
    }

    /// <param name="backend">The engine to run on; null for the default (<see cref="SpecBackends.Create"/>).</param>
    public static SpecFileResult Run(string file, string text, SpecSkips skips, ISpecBackend? backend = null)
    {
        var sw = Stopwatch.StartNew();
        var runner = new SpecScriptRunner(file, skips, backend);
        using (runner._exec)
        {
            List<WastCommand>? commands = null;
            try
            {
                commands = Wast.ParseScript(text);
            }
            catch (Exception e) when (e is WasmException or FormatException)
            {
                int line = e is MalformedException m ? m.Line : 0;
                runner.Record(line, "script", $"the script could not be read: {e.Message}");
            }
            foreach (var command in commands ?? []) runner.RunCommand(command);
        }
        return new SpecFileResult(file, runner._results, sw.Elapsed) { MessageNotes = runner._notes };
    }

    private void RunCommand(WastCommand command)
    {
        string directive = Directive(command);
        string? failure;
        try
        {
            failure = command switch
            {
                WastModuleCommand m => DefineModule(m.Module),
                WastAssertModule a => AssertModule(a),
                WastRegister r => _exec.Register(r.Name, r.ModuleName),
                WastActionCommand a => _exec.Perform(a.Action, out _),
                WastAssertReturn a => _exec.AssertReturn(a),
                WastAssertTrap a => _exec.AssertTrap(a),
                _ => $"unknown command {command.GetType().Name}",
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash of the runtime (not a typed wasm error) is a failure of this command only.
            failure = $"crashed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} @ {TopFrames(e)}";
        }
        Record(command.Line, directive, failure);
    }

    /// <summary>Records an outcome; a command listed in skips.txt is skipped while it fails and is a
    /// failure once it passes (the list only shrinks).</summary>
    private void Record(int line, string directive, string? failure)
    {
        var reason = _skips.Reason(_file, line);
        var result = (reason, failure) switch
        {
            (null, null) => new SpecCommandResult(line, directive, SpecStatus.Passed, null),
            (null, _) => new SpecCommandResult(line, directive, SpecStatus.Failed, failure),
            (_, null) => new SpecCommandResult(line, directive, SpecStatus.Failed, $"listed in skips.txt ({reason}) but passes: remove the entry"),
            _ => new SpecCommandResult(line, directive, SpecStatus.Skipped, reason),
        };
        _results.Add(result);
    }

    private static string Directive(WastCommand command) => command switch
    {
        WastModuleCommand m => m.Module.Form switch
        {
            WastModuleForm.Binary => "module binary",
            WastModuleForm.Quote => "module quote",
            _ => "module",
        },
        WastAssertModule a => a.Kind switch
        {
            WastModuleAssertion.Invalid => "assert_invalid",
            WastModuleAssertion.Malformed => "assert_malformed",
            WastModuleAssertion.Unlinkable => "assert_unlinkable",
            _ => "assert_uninstantiable",
        },
        WastRegister => "register",
        WastActionCommand a => a.Action.Kind == WastActionKind.Invoke ? "invoke" : "get",
        WastAssertReturn => "assert_return",
        WastAssertTrap t => t.Exhaustion ? "assert_exhaustion" : "assert_trap",
        _ => command.GetType().Name,
    };

    /// <summary>Text or binary → bytes → <see cref="ModuleInfo"/> → validated.</summary>
    private static (byte[] Bytes, ModuleInfo Info) Compile(WastModule module)
    {
        var bytes = module.Encode();
        var info = ModuleDecoder.Decode(bytes);
        ModuleValidator.Validate(info);
        return (bytes, info);
    }

    private string? DefineModule(WastModule module)
    {
        byte[] bytes;
        ModuleInfo info;
        try
        {
            (bytes, info) = Compile(module);
        }
        catch (WasmException e)
        {
            _exec.Forget(module.Name);
            return $"expected a valid module, got {Kind(e)}: {e.Message}";
        }
        return _exec.Instantiate(module, bytes, info);
    }

    private string? AssertModule(WastAssertModule a)
    {
        switch (a.Kind)
        {
            case WastModuleAssertion.Malformed:
                if (a.Module.Form != WastModuleForm.Binary)
                {
                    // Text is malformed when the text itself is (spec text format); an encoder that
                    // accepted it and wrote a bad binary would be hiding a text parser bug.
                    try
                    {
                        a.Module.Encode();
                    }
                    catch (MalformedException e)
                    {
                        NoteMessage(a, e.Reason);
                        return null;
                    }
                    return $"expected malformed text \"{a.Message}\", but the text parsed";
                }
                try
                {
                    // Function bodies are decoded by the validator (one pass), so a malformed body
                    // surfaces there; it still has to be a MalformedException, not an InvalidException.
                    Compile(a.Module);
                }
                catch (MalformedException e)
                {
                    NoteMessage(a, e.Reason);
                    return null;
                }
                catch (WasmException e)
                {
                    return $"expected malformed \"{a.Message}\", got {Kind(e)}: {e.Message}";
                }
                return $"expected malformed \"{a.Message}\", but the module decoded and validated";
            case WastModuleAssertion.Invalid:
                {
                    ModuleInfo info;
                    try
                    {
                        info = ModuleDecoder.Decode(a.Module.Encode());
                    }
                    catch (WasmException e)
                    {
                        return $"expected invalid \"{a.Message}\", got {Kind(e)}: {e.Message}";
                    }
                    try
                    {
                        ModuleValidator.Validate(info);
                    }
                    catch (InvalidException e)
                    {
                        NoteMessage(a, e.Reason);
                        return null;
                    }
                    return $"expected invalid \"{a.Message}\", but the module validated";
                }
            default:
                {
                    byte[] bytes;
                    ModuleInfo info;
                    try
                    {
                        (bytes, info) = Compile(a.Module);
                    }
                    catch (WasmException e)
                    {
                        return $"expected a valid module that fails to {(a.Kind == WastModuleAssertion.Unlinkable ? "link" : "instantiate")} (\"{a.Message}\"), got {Kind(e)}: {e.Message}";
                    }
                    return a.Kind == WastModuleAssertion.Unlinkable
                        ? _exec.AssertUnlinkable(a, bytes, info)
                        : _exec.AssertUninstantiable(a, bytes, info);
                }
        }
    }

    /// <summary>The error kind decides pass or fail (as in wasmtime's runner); a reason worded differently
    /// from the spec interpreter's is only noted, for whoever polishes error messages.</summary>
    private void NoteMessage(WastAssertModule a, string reason)
    {
        if (!reason.StartsWith(a.Message, StringComparison.Ordinal)) _notes.Add($"{_file}:{a.Line}: expected \"{a.Message}\", got \"{reason}\"");
    }

    /// <summary>Where a crash came from, for triage: the innermost frames of our own code.</summary>
    private static string TopFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.StartsWith("at ", StringComparison.Ordinal) ? f[3..] : f)
            .Select(f => f.Contains(" in ", StringComparison.Ordinal) ? f[..f.IndexOf(" in ", StringComparison.Ordinal)] : f)
            .Take(3);
        return string.Join(" < ", frames);
    }

    internal static string Kind(Exception e) => e switch
    {
        MalformedException => "malformed",
        InvalidException => "invalid",
        LinkException => "unlinkable",
        _ => e.GetType().Name,
    };
}
