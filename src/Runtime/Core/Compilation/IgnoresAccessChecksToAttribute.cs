namespace System.Runtime.CompilerServices;

/// <summary>Lets the dynamic assembly of compiled code use WitSharp's internal types. Not defined by the
/// BCL's reference assemblies but honoured by the runtime (matched by name), so it is declared here.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute : Attribute
{
    public IgnoresAccessChecksToAttribute(string assemblyName) => AssemblyName = assemblyName;

    public string AssemblyName { get; }
}
