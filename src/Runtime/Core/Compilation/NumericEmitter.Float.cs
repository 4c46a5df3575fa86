using System.Reflection.Emit;
using WitSharp.Core.Binary;

namespace WitSharp.Core.Compilation;

internal static partial class NumericEmitter
{
    private static partial bool EmitFloat(IEmitContext ctx, byte opcode) => false; // TODO(core-numeric): in progress
}
