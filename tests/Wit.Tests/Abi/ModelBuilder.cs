namespace WitSharp.Wit.Tests.Abi;

/// <summary>Builds anonymous and named types straight into a <see cref="Resolve"/> (through the model's
/// internal constructors), so layout tests do not depend on the WIT parser.</summary>
internal sealed class ModelBuilder
{
    public Resolve Resolve { get; } = new();

    public WitType Add(TypeDefKind kind, string? name = null) =>
        WitType.FromId(Resolve.AddType(new TypeDef(name, kind, TypeOwner.None, Docs.None, Stability.Unknown)));

    public WitType Record(params (string Name, WitType Type)[] fields) =>
        Add(new RecordKind(fields.Select(f => new Field(f.Name, f.Type, Docs.None)).ToList()), "r");

    public WitType Tuple(params WitType[] types) => Add(new TupleKind(types));

    public WitType Variant(params WitType?[] payloads) =>
        Add(new VariantKind(payloads.Select((p, i) => new Case("c" + i, p, Docs.None)).ToList()), "v");

    public WitType Enum(int cases) => Add(new EnumKind(Enumerable.Range(0, cases).Select(i => new EnumCase("e" + i, Docs.None)).ToList()), "e");

    public WitType Flags(int count) => Add(new FlagsKind(Enumerable.Range(0, count).Select(i => new Flag("f" + i, Docs.None)).ToList()), "f");

    public WitType Option(WitType t) => Add(new OptionKind(t));

    public WitType Result(WitType? ok, WitType? err) => Add(new ResultKind(ok, err));

    public WitType List(WitType t) => Add(new ListKind(t));

    public WitType FixedList(WitType t, uint n) => Add(new FixedSizeListKind(t, n));

    public WitType Map(WitType k, WitType v) => Add(new MapKind(k, v));

    public WitType Alias(WitType t) => Add(new AliasKind(t), "alias");

    public WitType Resource() => Add(ResourceKind.Instance, "res");

    public WitType Own(WitType resource) => Add(new HandleKind(false, resource.TypeId));

    public WitType Borrow(WitType resource) => Add(new HandleKind(true, resource.TypeId));

    public WitType Future(WitType? t) => Add(new FutureKind(t));

    public WitType Stream(WitType? t) => Add(new StreamKind(t));

    public static Function Func(WitType? result, params WitType[] parameters) =>
        new("f", FunctionKindTag.Freestanding, -1, parameters.Select((p, i) => new Param("p" + i, p)).ToList(), result, Docs.None, Stability.Unknown);
}
