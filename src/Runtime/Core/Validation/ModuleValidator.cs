using WitSharp.Core.Binary;

namespace WitSharp.Core.Validation;

/// <summary>Validates a decoded module (spec 3.4 "Modules", WebAssembly 2.0). Throws
/// <see cref="InvalidException"/> with the spec test suite's reason texts, or
/// <see cref="MalformedException"/> for malformed instruction encodings found while decoding function
/// bodies (bodies are first decoded here, in one pass with their type checking).</summary>
internal static partial class ModuleValidator
{
    /// <summary>Spec 4.2.8: a memory's size in pages must not exceed 2^16 (4 GiB).</summary>
    private const ulong MaxMemoryPages = 65536;

    public static void Validate(ModuleInfo module)
    {
        ArgumentNullException.ThrowIfNull(module);
        try
        {
            ValidateDecoded(module);
        }
        catch (InvalidException)
        {
            // The one-pass validator decodes bodies as it types them; the spec decodes the whole
            // module first, so a malformed body anywhere takes precedence over this error.
            BodySyntax.Check(module);
            throw;
        }
    }

    private static void ValidateDecoded(ModuleInfo module)
    {
        var c = new ValidationContext(module);

        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Table: CheckTableLimits(import.Table!.Limits); break;
                case ExternKind.Memory: CheckMemoryLimits(import.Memory!.Limits); break;
            }
        }

        foreach (var table in module.Tables) CheckTableLimits(table.Limits);
        foreach (var memory in module.Memories) CheckMemoryLimits(memory.Limits);
        if (c.MemoryCount > 1) throw new InvalidException("multiple memories");

        CollectDeclaredFunctions(c);

        // Spec 3.4.10 (2.0): constant expressions see only the imported globals (context C'); the
        // test suite rejects a module-defined global in element and data offsets too.
        for (int i = 0; i < module.Globals.Count; i++)
        {
            var global = module.Globals[i];
            ValidateConstExpr(c, global.Init, global.Type.ValueType, module.ImportedGlobalCount);
        }

        ValidateElements(c);
        ValidateData(c);
        ValidateStart(c);
        ValidateExports(c);
        ValidateFunctions(c);
    }

    private static void CheckTableLimits(Limits limits)
    {
        if (limits.Max is ulong max && limits.Min > max)
            throw new InvalidException("size minimum must not be greater than maximum");
    }

    private static void CheckMemoryLimits(Limits limits)
    {
        if (limits.Min > MaxMemoryPages || limits.Max > MaxMemoryPages)
            throw new InvalidException("memory size must be at most 65536 pages (4GiB)");
        if (limits.Max is ulong max && limits.Min > max)
            throw new InvalidException("size minimum must not be greater than maximum");
    }

    /// <summary>Spec 3.4.10 C.refs: the function indices that occur in the module outside functions
    /// and the start function (element segments, globals, exports).</summary>
    private static void CollectDeclaredFunctions(ValidationContext c)
    {
        var module = c.Module;
        foreach (var export in module.Exports)
        {
            if (export.Kind == ExternKind.Func) c.DeclareFunction(export.Index);
        }

        foreach (var global in module.Globals) DeclareRefFuncs(c, global.Init);
        foreach (var segment in module.Elements)
        {
            if (segment.FunctionIndices is { } indices)
            {
                foreach (var index in indices) c.DeclareFunction(index);
            }
            else
            {
                foreach (var expr in segment.Expressions!) DeclareRefFuncs(c, expr);
            }
        }
    }

    private static void DeclareRefFuncs(ValidationContext c, ConstExpr expr)
    {
        // A valid constant expression is a short run of instructions; scan for ref.func immediates.
        // Anything unusual here is reported properly by ValidateConstExpr later.
        var r = new WasmReader(expr.Code, expr.Offset);
        while (!r.AtEnd)
        {
            byte op = r.ReadByte();
            if (op == Opcode.RefFunc)
            {
                c.DeclareFunction(r.ReadVarU32());
                continue;
            }

            if (op == Opcode.End) continue;
            if (op is Opcode.Block or Opcode.Loop or Opcode.If) return;
            InstructionSkipper.SkipImmediates(op, r.Offset - 1, ref r);
        }
    }

    private static void ValidateElements(ValidationContext c)
    {
        foreach (var segment in c.Module.Elements)
        {
            if (segment.Mode == SegmentMode.Active)
            {
                uint table = segment.TableIndex;
                if (table >= (uint)c.TableElementTypes.Length) throw new InvalidException($"unknown table {table}");
                ValidateConstExpr(c, segment.Offset!, ValType.I32, c.Module.ImportedGlobalCount);
                if (c.TableElementTypes[table] != segment.ElementType) throw new InvalidException("type mismatch");
            }

            if (segment.FunctionIndices is { } indices)
            {
                foreach (var index in indices)
                {
                    if (index >= (uint)c.Functions.Length) throw new InvalidException($"unknown function {index}");
                }
            }
            else
            {
                foreach (var expr in segment.Expressions!) ValidateConstExpr(c, expr, segment.ElementType, c.Module.ImportedGlobalCount);
            }
        }
    }

    private static void ValidateData(ValidationContext c)
    {
        foreach (var segment in c.Module.Data)
        {
            if (segment.Mode != SegmentMode.Active) continue;
            if (segment.MemoryIndex >= (uint)c.MemoryCount) throw new InvalidException($"unknown memory {segment.MemoryIndex}");
            ValidateConstExpr(c, segment.Offset!, ValType.I32, c.Module.ImportedGlobalCount);
        }
    }

    private static void ValidateStart(ValidationContext c)
    {
        if (c.Module.Start is not uint start) return;
        if (start >= (uint)c.Functions.Length) throw new InvalidException($"unknown function {start}");
        var type = c.Functions[start];
        if (type.Params.Length != 0 || type.Results.Length != 0) throw new InvalidException("start function");
    }

    private static void ValidateExports(ValidationContext c)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var export in c.Module.Exports)
        {
            var (count, what) = export.Kind switch
            {
                ExternKind.Func => (c.Functions.Length, "function"),
                ExternKind.Table => (c.TableElementTypes.Length, "table"),
                ExternKind.Memory => (c.MemoryCount, "memory"),
                _ => (c.Globals.Length, "global"),
            };
            if (export.Index >= (uint)count) throw new InvalidException($"unknown {what} {export.Index}");
            if (!names.Add(export.Name)) throw new InvalidException("duplicate export name");
        }
    }

    private static void ValidateFunctions(ValidationContext c)
    {
        var module = c.Module;
        var validator = new FunctionValidator(c);
        int imported = module.ImportedFunctionCount;
        for (int i = 0; i < module.Bodies.Count; i++)
        {
            validator.Validate(imported + i, c.Functions[imported + i], module.Bodies[i]);
        }
    }
}
