using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace WitSharp.Core.Compilation;

/// <summary>The engine-wide signature ids a module's <c>call_indirect</c> sites compare against, kept out of the
/// IL: one <c>static readonly int</c> field per type index on a small per-module type, set by that type's
/// static constructor from the ids the loading engine <see cref="Bind">binds</see> to it. Compiled code is
/// therefore independent of the engine that compiled it, which is what lets a saved assembly (artifact format
/// version 2) run in another engine or process, where the same function type has another id
/// (docs/RATIONALE.md "Precompiled artifacts"). The constructor runs before any code of the module can, so
/// the tier-1 JIT sees initialised read-only statics and folds them into constants: no steady-state cost
/// over the former <c>ldc.i4</c>.</summary>
internal static class SignatureTable
{
    private const string FieldPrefix = "sig";

    /// <summary>Ids waiting for the static constructor of their type (set by <see cref="Bind"/>, read once).</summary>
    private static readonly ConcurrentDictionary<Type, int[]> s_pending = new();

    private static readonly MethodInfo s_take = typeof(SignatureTable).GetMethod(nameof(Take), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>Defines and creates the field-holder type <paramref name="name"/> with one field per entry of the
    /// module's type section; returns the created type and the fields for the function compilers (index = type index).</summary>
    public static (Type Holder, FieldInfo[] Fields) Define(ModuleBuilder module, string name, int typeCount)
    {
        var tb = module.DefineType(name, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var fields = new FieldBuilder[typeCount];
        for (int i = 0; i < typeCount; i++)
            fields[i] = tb.DefineField(FieldPrefix + i, typeof(int), FieldAttributes.Public | FieldAttributes.Static | FieldAttributes.InitOnly);
        var cctor = tb.DefineTypeInitializer();
        var il = cctor.GetILGenerator();
        var ids = il.DeclareLocal(typeof(int[]));
        il.Emit(OpCodes.Ldtoken, tb);
        il.Emit(OpCodes.Call, typeof(Type).GetMethod(nameof(Type.GetTypeFromHandle))!);
        il.Emit(OpCodes.Call, s_take);
        il.Emit(OpCodes.Stloc, ids);
        for (int i = 0; i < typeCount; i++)
        {
            il.Emit(OpCodes.Ldloc, ids);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_I4);
            il.Emit(OpCodes.Stsfld, fields[i]);
        }
        il.Emit(OpCodes.Ret);
        return (tb.CreateType(), fields);
    }

    /// <summary>Runs the static constructor of the field-holder type <paramref name="holder"/> (created from a
    /// <see cref="TypeBuilder"/> or loaded from a saved assembly) with this engine's ids. Must happen before
    /// any function of the module is called; later calls are no-ops since a type initialises once.</summary>
    public static void Bind(Type holder, int[] ids)
    {
        s_pending[holder] = ids;
        try
        {
            RuntimeHelpers.RunClassConstructor(holder.TypeHandle);
        }
        finally
        {
            s_pending.TryRemove(holder, out _);
        }
    }

    /// <summary>Called by the emitted static constructor; public because compiled code calls it.</summary>
    public static int[] Take(Type holder) =>
        s_pending.TryGetValue(holder, out var ids) ? ids
            : throw new InvalidOperationException($"signature ids of {holder.Name} were not bound before first use");
}
