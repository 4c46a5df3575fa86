// The C# 9+ features the generator uses (records, init) need this type on netstandard2.0.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
