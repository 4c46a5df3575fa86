using System.Runtime.CompilerServices;
using WitSharp.Wit.Binary;

namespace WitSharp.Components.Typed;

/// <summary>Where <see cref="StringMarshaler.Lower{TDst}"/> stores a host string: the guest's encoding, its
/// realloc (called and checked as CanonicalABI.md "store_string" requires) and bounds-checked spans of its memory.
/// Implemented by structs so that each caller gets specialized, inlined code.</summary>
internal interface IStringDestination
{
    /// <summary>The function being called, for error messages.</summary>
    string Where { get; }

    /// <summary>The <c>string-encoding</c> option.</summary>
    StringEncoding StringEncoding { get; }

    /// <summary><c>realloc(0, 0, alignment, size)</c>, the result checked for alignment and bounds.</summary>
    uint Allocate(int alignment, int size);

    /// <summary>Guest bytes [<paramref name="ptr"/>, +<paramref name="length"/>), bounds-checked.</summary>
    Span<byte> GetSpan(uint ptr, int length);
}

/// <summary>The typed path's destination: its per-function <see cref="CanonicalContext"/>.</summary>
internal readonly struct TypedDestination(CanonicalContext cx) : IStringDestination
{
    public string Where => cx.Where;

    public StringEncoding StringEncoding => cx.StringEncoding;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Allocate(int alignment, int size) => cx.Reallocate(0, 0, alignment, size);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(uint ptr, int length) => cx.GetSpan(ptr, length);
}

/// <summary>The dynamic path's destination: a <see cref="LiftLowerContext"/> storing a host
/// <see cref="ComponentValue"/> string (its realloc checks give the trap messages the wast corpora expect).</summary>
internal readonly struct DynamicDestination(LiftLowerContext cx) : IStringDestination
{
    public string Where => cx.Where;

    public StringEncoding StringEncoding => cx.Options.StringEncoding;

    public uint Allocate(int alignment, int size) => (uint)cx.Allocate(alignment, size, "a string");

    public Span<byte> GetSpan(uint ptr, int length) => cx.StringBytes(ptr, length);
}
