using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace WitSharp.Core.Compilation;

/// <summary>Metadata tokens of the runtime's own fields (instance context, store, memory, table and global
/// cells) as seen from one dynamic module, so each is looked up once per module instead of at every
/// <c>ldfld</c>. Measured on jstext.wasm (docs/benchmarks.md "IL emission of large modules"): emission of a
/// large module spent most of its time in <c>RuntimeModuleBuilder.GetFieldMetadataToken</c>, which walks
/// several native metadata look-ups (assembly ref, type ref, member ref) for every emitted field access.</summary>
/// <remarks>Only for the collectible/run <c>RuntimeModuleBuilder</c>, whose member-ref tokens are final once
/// issued; <c>ILGenerator.Emit(OpCode, int)</c> then writes the same bytes <c>Emit(OpCode, FieldInfo)</c>
/// would (field opcodes have a fixed stack effect, so max-stack tracking is unchanged). The persisted
/// builder (PersistedCompiler) assigns handles itself and keeps the FieldInfo path.</remarks>
internal static class FieldTokens
{
    private static readonly ConditionalWeakTable<System.Reflection.Module, ConcurrentDictionary<FieldInfo, int>> s_tables = new();

    /// <summary>The token cache for <paramref name="module"/>, or null when tokens must not be cached.</summary>
    public static ConcurrentDictionary<FieldInfo, int>? For(System.Reflection.Module module) =>
        module is ModuleBuilder && module.GetType().FullName == "System.Reflection.Emit.RuntimeModuleBuilder"
            ? s_tables.GetValue(module, static _ => new ConcurrentDictionary<FieldInfo, int>())
            : null;

    /// <summary>Emits <paramref name="op"/> (a field opcode) on <paramref name="field"/>, by cached token when
    /// <paramref name="tokens"/> is not null.</summary>
    public static void Emit(ILGenerator il, ModuleBuilder? module, ConcurrentDictionary<FieldInfo, int>? tokens, OpCode op, FieldInfo field)
    {
        if (tokens is null || module is null)
        {
            il.Emit(op, field);
            return;
        }
        if (!tokens.TryGetValue(field, out int token))
            tokens[field] = token = module.GetFieldMetadataToken(field);
        il.Emit(op, token);
    }
}
