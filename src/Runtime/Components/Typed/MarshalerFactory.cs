using System.Text;

namespace WitSharp.Components.Typed;

/// <summary>
/// Chooses the <see cref="ComponentMarshaler{T}"/> for a (C# type, component value type) pair, recursively, once
/// per binding. Reflection is used here only; the marshalers it builds are closed generic types, so calls do no
/// type tests and no boxing.
/// </summary>
internal static class MarshalerFactory
{
    private static readonly Dictionary<Type, ComponentValueKind> Scalars = new()
    {
        [typeof(bool)] = ComponentValueKind.Bool,
        [typeof(sbyte)] = ComponentValueKind.S8,
        [typeof(byte)] = ComponentValueKind.U8,
        [typeof(short)] = ComponentValueKind.S16,
        [typeof(ushort)] = ComponentValueKind.U16,
        [typeof(int)] = ComponentValueKind.S32,
        [typeof(uint)] = ComponentValueKind.U32,
        [typeof(long)] = ComponentValueKind.S64,
        [typeof(ulong)] = ComponentValueKind.U64,
        [typeof(float)] = ComponentValueKind.F32,
        [typeof(double)] = ComponentValueKind.F64,
        [typeof(Rune)] = ComponentValueKind.Char,
        [typeof(string)] = ComponentValueKind.String,
    };

    public static object Create(Type clr, ComponentValueType type)
    {
        // Generated records/variants (and user types) describe themselves.
        if (Implements(clr, typeof(IComponentType<>)))
        {
            // The type's own hook first: it sees the bound type, handles and all (IComponentType.CreateMarshaler).
            var custom = typeof(MarshalerFactory).GetMethod(nameof(CustomMarshaler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(clr).Invoke(null, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [type], null);
            if (custom is not null)
            {
                var bound = (ComponentValueType)custom.GetType().GetProperty(nameof(ComponentMarshaler<int>.Type))!.GetValue(custom)!;
                if (!bound.Equals(type)) throw Mismatch(clr, type, $"{clr.Name}.CreateMarshaler made a marshaler of {bound}");
                return custom;
            }
            var own = (ComponentValueType)InterfaceProperty(clr);
            if (!own.Equals(type)) throw Mismatch(clr, type, $"{clr.Name} describes itself as {own}");
            return New(typeof(GeneratedMarshaler<>).MakeGenericType(clr));
        }
        // A nullable reference type is the same CLR type as the non-nullable one: option<T> over a reference
        // type T maps to "null is none" when T's own type is not an option (which would be ambiguous).
        if (!clr.IsValueType && type.Kind == ComponentValueKind.Option && type.ElementType!.Kind != ComponentValueKind.Option)
            return New(typeof(NullableReferenceMarshaler<>).MakeGenericType(clr), type, Create(clr, type.ElementType!));
        // own<R>/borrow<R>: a host-held handle of any resource type, or the typed view of a host-defined one.
        if (clr == typeof(ResourceAny))
        {
            if (type.Kind != ComponentValueKind.Resource) throw Mismatch(clr, type);
            return new ResourceAnyMarshaler(type);
        }
        if (clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(Resource<>))
        {
            if (type.Kind != ComponentValueKind.Resource) throw Mismatch(clr, type);
            return New(typeof(ResourceMarshaler<>).MakeGenericType(clr.GetGenericArguments()), type);
        }
        if (Scalars.TryGetValue(clr, out var kind))
        {
            if (kind != type.Kind) throw Mismatch(clr, type);
            return kind switch
            {
                ComponentValueKind.Bool => new BoolMarshaler(),
                ComponentValueKind.S8 => new S8Marshaler(),
                ComponentValueKind.U8 => new U8Marshaler(),
                ComponentValueKind.S16 => new S16Marshaler(),
                ComponentValueKind.U16 => new U16Marshaler(),
                ComponentValueKind.S32 => new S32Marshaler(),
                ComponentValueKind.U32 => new U32Marshaler(),
                ComponentValueKind.S64 => new S64Marshaler(),
                ComponentValueKind.U64 => new U64Marshaler(),
                ComponentValueKind.F32 => new F32Marshaler(),
                ComponentValueKind.F64 => new F64Marshaler(),
                ComponentValueKind.Char => new CharMarshaler(),
                _ => new StringMarshaler(),
            };
        }
        if (clr.IsEnum)
        {
            return type.Kind switch
            {
                ComponentValueKind.Enum => New(typeof(EnumMarshaler<>).MakeGenericType(clr), type),
                ComponentValueKind.Flags => New(typeof(FlagsMarshaler<>).MakeGenericType(clr), type),
                _ => throw Mismatch(clr, type),
            };
        }
        if (clr.IsArray && clr.GetArrayRank() == 1)
        {
            if (type.Kind != ComponentValueKind.List) throw Mismatch(clr, type);
            var e = clr.GetElementType()!;
            if (IsBlittable(e, type.ElementType!)) return New(typeof(BlittableListMarshaler<>).MakeGenericType(e), type);
            return New(typeof(ListMarshaler<>).MakeGenericType(e), type, Create(e, type.ElementType!));
        }
        if (clr.IsGenericType)
        {
            var def = clr.GetGenericTypeDefinition();
            var args = clr.GetGenericArguments();
            if (def == typeof(ReadOnlyMemory<>))
            {
                if (type.Kind != ComponentValueKind.List || !IsBlittable(args[0], type.ElementType!))
                    throw Mismatch(clr, type, "ReadOnlyMemory<T> maps lists of numbers");
                return New(typeof(MemoryListMarshaler<>).MakeGenericType(args[0]), type);
            }
            if (def == typeof(Option<>))
            {
                if (type.Kind != ComponentValueKind.Option) throw Mismatch(clr, type);
                return New(typeof(OptionMarshaler<>).MakeGenericType(args[0]), type, Create(args[0], type.ElementType!));
            }
            if (def == typeof(Nullable<>))
            {
                if (type.Kind != ComponentValueKind.Option) throw Mismatch(clr, type);
                return New(typeof(NullableMarshaler<>).MakeGenericType(args[0]), type, Create(args[0], type.ElementType!));
            }
            if (def == typeof(Result<,>))
            {
                if (type.Kind != ComponentValueKind.Result) throw Mismatch(clr, type);
                return New(typeof(ResultMarshaler<,>).MakeGenericType(args), type,
                    Payload(args[0], type.OkType, "ok"), Payload(args[1], type.ErrorType, "error"));
            }
            if (IsValueTuple(clr))
                return CreateTuple(clr, type);
        }
        if (type.Kind == ComponentValueKind.Resource)
            throw Mismatch(clr, type, "own/borrow handles map ResourceAny or Resource<T>");
        throw Mismatch(clr, type);
    }

    /// <summary>The marshaler of a ValueTuple for the fields [<paramref name="first"/>, …) of a tuple type (also used
    /// for parameter lists); a ValueTuple's TRest (8 or more elements) continues at field first + 7.</summary>
    public static object CreateTuple(Type clr, ComponentValueType type, int first = 0)
    {
        var args = clr.GetGenericArguments();
        int count = TupleArity(clr);
        if (type.Kind is not ComponentValueKind.Tuple || type.Fields.Count - first != count)
            throw Mismatch(clr, type, $"a ValueTuple of {count} maps a tuple of {count}");
        bool rest = args.Length == 8;
        var generic = (rest ? 8 : args.Length) switch
        {
            1 => typeof(TupleMarshaler<>),
            2 => typeof(TupleMarshaler<,>),
            3 => typeof(TupleMarshaler<,,>),
            4 => typeof(TupleMarshaler<,,,>),
            5 => typeof(TupleMarshaler<,,,,>),
            6 => typeof(TupleMarshaler<,,,,,>),
            7 => typeof(TupleMarshaler<,,,,,,>),
            _ => typeof(TupleMarshaler<,,,,,,,>),
        };
        int own = rest ? 7 : args.Length;
        var ctorArgs = new object[own + 2 + (rest ? 1 : 0)];
        ctorArgs[0] = type;
        ctorArgs[1] = first;
        for (int i = 0; i < own; i++) ctorArgs[i + 2] = Create(args[i], type.Fields[first + i].Type);
        if (rest) ctorArgs[^1] = CreateTuple(args[7], type, first + 7);
        return New(generic.MakeGenericType(args), ctorArgs);
    }

    /// <summary>Number of elements of a (possibly nested, 8+) ValueTuple type.</summary>
    public static int TupleArity(Type t)
    {
        var args = t.GetGenericArguments();
        return args.Length == 8 && IsValueTuple(args[7]) ? 7 + TupleArity(args[7]) : args.Length;
    }

    public static bool IsValueTuple(Type t) =>
        t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    private static object? Payload(Type clr, ComponentValueType? type, string which)
    {
        if (type is null)
        {
            if (clr != typeof(ValueTuple)) throw new ComponentTypeMismatchException($"the {which} case has no payload: use ValueTuple, not {clr.Name}");
            return null;
        }
        return Create(clr, type);
    }

    private static bool IsBlittable(Type e, ComponentValueType element) =>
        BitConverter.IsLittleEndian && e != typeof(bool) && e != typeof(Rune) && e.IsPrimitive
        && Scalars.TryGetValue(e, out var k) && k == element.Kind;

    private static bool Implements(Type t, Type generic) =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic && i.GetGenericArguments()[0] == t);

    // Called through reflection with T = the bound C# type, so the static virtual resolves to T's implementation.
    private static ComponentMarshaler<T>? CustomMarshaler<T>(ComponentValueType type) where T : IComponentType<T> => T.CreateMarshaler(type);

    private static object InterfaceProperty(Type clr)
    {
        // Explicitly implemented static members are reached through the interface map.
        var iface = typeof(IComponentType<>).MakeGenericType(clr);
        var map = clr.GetInterfaceMap(iface);
        var getter = map.TargetMethods[Array.FindIndex(map.InterfaceMethods, m => m.Name == "get_ComponentType")];
        return getter.Invoke(null, null)!;
    }

    private static object New(Type t, params object?[] args) => Activator.CreateInstance(t, args)!;

    private static ComponentTypeMismatchException Mismatch(Type clr, ComponentValueType type, string? why = null) =>
        new($"the C# type {Describe(clr)} does not map the component type {type}" + (why is null ? "" : ": " + why));

    internal static string Describe(Type t) =>
        !t.IsGenericType ? t.Name : t.Name[..t.Name.IndexOf('`')] + "<" + string.Join(", ", t.GetGenericArguments().Select(Describe)) + ">";
}
