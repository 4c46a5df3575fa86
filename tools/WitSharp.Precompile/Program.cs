using WitSharp;
using WitSharp.Precompile;

// WitSharp.Precompile <component.wasm> <artifact> [--fuel-consumption] [--epoch-interruption] [--debug-info]
// Exit code 0 on success; otherwise an MSBuild canonical error line ("file: error WITSHARPPC00n: …") on stderr,
// which the Exec task in WitSharp.targets reports as a build error at the component's path.
return PrecompileCommand.Run(args, Console.Out, Console.Error);
