using WitSharp.Components.Text;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Components.Text;

/// <summary>Bad input must surface as <see cref="MalformedException"/> with a position, never as another
/// exception: every component definition of the corpora is cut short at several points and re-parsed.</summary>
public sealed class ComponentWatRobustnessTests
{
    [Fact]
    public void TruncatedCorpusComponentsFailOnlyWithMalformedException()
    {
        int attempts = 0;
        var unexpected = new List<string>();
        foreach (var corpus in ComponentTextSweep.Corpora)
        {
            foreach (var path in Directory.EnumerateFiles(RepoPaths.CorpusDir(corpus), "*.wast", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(path);
                List<ComponentWastCommand> cmds;
                try
                {
                    cmds = ComponentWast.ParseScript(text);
                }
                catch (MalformedException)
                {
                    continue;
                }
                foreach (var def in cmds.OfType<ComponentWastDefine>().Where(d => !d.Module.IsCoreModule && d.Module.Form == ComponentWastForm.Text))
                {
                    var src = def.Module.Source;
                    var body = text[src.Start..src.End];
                    foreach (var frac in new[] { 0.2, 0.5, 0.8 })
                    {
                        int cut = (int)(body.Length * frac);
                        // Close the parentheses left open so the cut exercises the parser, not the reader.
                        var piece = body[..cut];
                        int depth = piece.Count(ch => ch == '(') - piece.Count(ch => ch == ')');
                        var candidate = piece + new string(')', Math.Max(0, depth));
                        attempts++;
                        try
                        {
                            ComponentWat.Parse(candidate);
                        }
                        catch (MalformedException e)
                        {
                            Assert.True(e.Line > 0, "text errors carry a line");
                        }
                        catch (Exception e)
                        {
                            unexpected.Add($"{Path.GetFileName(path)}:{def.Line} at {frac}: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }
            }
        }
        Assert.True(attempts > 1000, $"only {attempts} truncations were tried");
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(20)));
    }
}
