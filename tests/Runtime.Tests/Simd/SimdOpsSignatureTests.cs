using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WitSharp.Core;
using WitSharp.Core.Simd;

namespace WitSharp.Runtime.Tests.Simd;

/// <summary>The function compiler binds each SIMD instruction with
/// <c>typeof(SimdOps).GetMethod(info.MethodName)</c> and emits a <c>call</c>; these tests make sure that
/// binding can never fail and that every method has exactly the signature the calling convention implies.</summary>
public sealed class SimdOpsSignatureTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var info in SimdOpcodes.All) data.Add(info.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_instruction_binds_to_a_method_with_the_contract_signature(string name)
    {
        Assert.True(SimdOpcodes.TryGet(name, out var info));
        // GetMethod(name) is what the compiler calls: it throws on overloads and returns only public methods.
        var method = typeof(SimdOps).GetMethod(info.MethodName);
        Assert.NotNull(method);
        // The compiler may also bind with NonPublic (SimdOps is internal): private helpers must not clash.
        Assert.Same(method, typeof(SimdOps).GetMethod(info.MethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static));
        Assert.True(method.IsStatic, $"{info.MethodName} must be static");
        Assert.False(method.IsGenericMethodDefinition, $"{info.MethodName} must not be generic");
        Assert.True((method.MethodImplementationFlags & MethodImplAttributes.AggressiveInlining) != 0,
            $"{info.MethodName} must be [MethodImpl(MethodImplOptions.AggressiveInlining)]");

        var (parameters, result) = ExpectedSignature(info);
        Assert.Equal(parameters, method.GetParameters().Select(p => p.ParameterType).ToArray());
        Assert.Equal(result, method.ReturnType);
        Assert.DoesNotContain(method.GetParameters(), p => p.ParameterType.IsByRef);
    }

    [Fact]
    public void Every_public_method_of_SimdOps_is_an_instruction()
    {
        var names = SimdOpcodes.All.Select(i => i.MethodName).ToHashSet(StringComparer.Ordinal);
        var methods = typeof(SimdOps).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.Equal(236, methods.Length);
        Assert.All(methods, m => Assert.Contains(m.Name, names));
    }

    /// <summary>The calling convention, written out independently of SimdOps: v128 → Vector128&lt;byte&gt;,
    /// i32 int, i64 long, f32 float, f64 double, operands bottom of stack first, trailing int lane,
    /// byte* for the (already bounds-checked) address of a memory access.</summary>
    private static (Type[] Parameters, Type Result) ExpectedSignature(SimdOpInfo info)
    {
        var v128 = typeof(Vector128<byte>);
        var bytePtr = typeof(byte).MakePointerType();
        Type result = info.Results.Length == 0 ? typeof(void) : Clr(info.Results[0]);
        switch (info.Immediate)
        {
            case SimdImmediate.V128Const:
                return ([typeof(long), typeof(long)], v128);
            case SimdImmediate.Shuffle16:
                return ([v128, v128, v128], v128);
            case SimdImmediate.MemArg:
                return (info.IsStore ? [bytePtr, v128] : [bytePtr], result);
            case SimdImmediate.MemArgLane:
                return ([bytePtr, v128, typeof(int)], result);
            case SimdImmediate.Lane:
                return ([.. info.Params.Select(Clr), typeof(int)], result);
            default:
                return ([.. info.Params.Select(Clr)], result);
        }
    }

    private static Type Clr(ValType t) => t switch
    {
        ValType.I32 => typeof(int),
        ValType.I64 => typeof(long),
        ValType.F32 => typeof(float),
        ValType.F64 => typeof(double),
        ValType.V128 => typeof(Vector128<byte>),
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };
}
