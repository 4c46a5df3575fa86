using System.Reflection;
using System.Runtime.Intrinsics;

namespace WitSharp.Core.Compilation;

/// <summary>How wasm types appear in compiled methods (the contract of IEmitContext): i32 → int, i64 → long,
/// f32 → float, f64 → double, v128 → <c>Vector128&lt;byte&gt;</c>, references → object. Several results are
/// one <c>ValueTuple</c> (nested through <c>TRest</c> past seven), which is also what a typed
/// <c>Func&lt;…, (T1, T2)&gt;</c> returns, so exports need no repacking (docs/RATIONALE.md "Multi-value").</summary>
internal static class ClrTypes
{
    public static Type Of(ValType t) => t switch
    {
        ValType.I32 => typeof(int),
        ValType.I64 => typeof(long),
        ValType.F32 => typeof(float),
        ValType.F64 => typeof(double),
        ValType.V128 => typeof(Vector128<byte>),
        _ => typeof(object),
    };

    public static Type ReturnType(ValType[] results) => results.Length switch
    {
        0 => typeof(void),
        1 => Of(results[0]),
        _ => TupleType([.. results.Select(Of)]),
    };

    /// <summary>IL parameter types of a compiled function: the wasm parameters, then the instance context.</summary>
    public static Type[] ParameterTypes(FuncType type)
    {
        var p = new Type[type.Params.Length + 1];
        for (int i = 0; i < type.Params.Length; i++) p[i] = Of(type.Params[i]);
        p[^1] = typeof(Instances.InstanceContext);
        return p;
    }

    private static readonly Type[] s_tupleDefs =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
    ];

    public static Type TupleType(Type[] elements)
    {
        if (elements.Length <= 7) return s_tupleDefs[elements.Length - 1].MakeGenericType(elements);
        var rest = TupleType(elements[7..]);
        return s_tupleDefs[7].MakeGenericType([.. elements[..7], rest]);
    }

    /// <summary>The chain of fields that reaches element <paramref name="index"/> of a tuple.</summary>
    public static FieldInfo[] TupleFieldPath(Type tuple, int index)
    {
        var path = new List<FieldInfo>();
        while (index >= 7)
        {
            var rest = tuple.GetField("Rest")!;
            path.Add(rest);
            tuple = rest.FieldType;
            index -= 7;
        }
        path.Add(tuple.GetField("Item" + (index + 1))!);
        return [.. path];
    }

    /// <summary>Emits code that turns the n values on the IL stack (last on top) into one tuple.</summary>
    public static void EmitPack(System.Reflection.Emit.ILGenerator il, Type[] elements)
    {
        if (elements.Length <= 7)
        {
            var t = TupleType(elements);
            il.Emit(System.Reflection.Emit.OpCodes.Newobj, t.GetConstructor(elements)!);
            return;
        }
        // The rest tuple is built from the topmost values first, then the outer tuple consumes the
        // first seven values and the rest.
        EmitPack(il, elements[7..]);
        var outer = TupleType(elements);
        il.Emit(System.Reflection.Emit.OpCodes.Newobj, outer.GetConstructor([.. elements[..7], TupleType(elements[7..])])!);
    }

    /// <summary>Emits code that replaces the tuple on top of the IL stack with its elements (first deepest).</summary>
    public static void EmitUnpack(System.Reflection.Emit.ILGenerator il, Type tuple, int count, System.Reflection.Emit.LocalBuilder temp)
    {
        il.Emit(System.Reflection.Emit.OpCodes.Stloc, temp);
        for (int i = 0; i < count; i++)
        {
            il.Emit(System.Reflection.Emit.OpCodes.Ldloca, temp);
            var path = TupleFieldPath(tuple, i);
            for (int j = 0; j < path.Length - 1; j++) il.Emit(System.Reflection.Emit.OpCodes.Ldflda, path[j]);
            il.Emit(System.Reflection.Emit.OpCodes.Ldfld, path[^1]);
        }
    }
}
