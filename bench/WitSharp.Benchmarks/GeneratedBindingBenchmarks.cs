#if WITSHARP_ENGINE
using System.Diagnostics;
using System.Globalization;
using WitSharp;
using WitSharp.Components;
using Benchmarks.Generated;
using Benchmarks.Generated.E2e.Kitchen.Host;
using KPoint = Benchmarks.Generated.E2e.Kitchen.Types.Point;
using KShape = Benchmarks.Generated.E2e.Kitchen.Types.Shape;

namespace Benchmarks
{
    /// <summary>
    /// `-- --generated`: the cost of a call through bindings the WitSharp generator made (in this project's build)
    /// from tests/Generator.EndToEnd.Tests/components/kitchen/world.wit, against the same call written the way the
    /// generator wrote it before the typed path (ComponentValue conversions, <c>ComponentFunction.Call</c>, host
    /// imports defined with <c>DefineFunction((args, results) => …)</c>). Cases: a record export
    /// (<c>add-points</c>), a variant export (<c>area</c>), and an export whose guest body calls two host imports
    /// (<c>shifted</c>: <c>offset() -> point</c> and <c>log(string)</c>), so the host-import cost is its difference
    /// from add-points. ns per call, thread CPU time, best / median of repeated batches.
    /// </summary>
    internal static class GeneratedBindingBenchmarks
    {
        private const int Batch = 500;
        private const int CountTo = 48;

        // [constructor]tally + CountTo x [method]tally.add + [method]tally.total: Batch / this export calls make
        // Batch host calls, so the row's figure is per host call (the drop and the export call itself included).
        private const int HostCallsPerCountTo = CountTo + 2;
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static int Quick(double seconds)
        {
            using var engine = new Engine();
            var component = Component.FromFile(engine, KitchenWasm());

            // After: the generated bindings (typed path).
            using var linker = new ComponentLinker(engine);
            Kitchen.AddToLinker(linker, new Host());
            var pre = new Kitchen.Pre(component, linker);

            // Before: the ComponentValue path as the generator emitted it.
            using var dynamicLinker = new ComponentLinker(engine);
            DynamicImports(dynamicLinker, new Host());

            // kitchen.wat's allocator never frees (return areas are bump-allocated), so every timed batch runs on a
            // fresh instance in a fresh store; instantiation is outside the timed region.
            var fresh = new Fresh(engine);
            Func<Kitchen> typed = () => pre.Instantiate(fresh.Next());
            Func<ComponentInstance> dynamic = () => dynamicLinker.Instantiate(fresh.Next(), component);

            var a = new KPoint(1, 2);
            var b = new KPoint(3, -8);
            KShape rect = new KShape.Rect(new KPoint(3, 5));
            var rows = new List<(string Name, Func<Action> Typed, Func<Action> Dynamic)>
            {
                ("record: add-points(point, point) -> point", () =>
                {
                    var k = typed();
                    return () => { for (var i = 0; i < Batch; i++) Check(k.AddPoints(a, b) == new KPoint(4, -6)); };
                }, () =>
                {
                    var f = dynamic().GetFunction("add-points")!;
                    return () => { for (var i = 0; i < Batch; i++) Check(LiftPoint(f.Call(LowerPoint(a), LowerPoint(b))!) == new KPoint(4, -6)); };
                }),
                ("variant: area(shape) -> f32", () =>
                {
                    var k = typed();
                    return () => { for (var i = 0; i < Batch; i++) Check(k.Area(rect) == 15f); };
                }, () =>
                {
                    var f = dynamic().GetFunction("area")!;
                    return () => { for (var i = 0; i < Batch; i++) Check(f.Call(LowerShape(rect))!.AsF32() == 15f); };
                }),
                ("host imports: shifted(point) -> point (guest calls offset() and log(string))", () =>
                {
                    var k = typed();
                    return () => { for (var i = 0; i < Batch; i++) Check(k.Shifted(a) == new KPoint(11, 22)); };
                }, () =>
                {
                    var f = dynamic().GetFunction("shifted")!;
                    return () => { for (var i = 0; i < Batch; i++) Check(LiftPoint(f.Call(LowerPoint(a))!) == new KPoint(11, 22)); };
                }),
            };

            Console.WriteLine();
            Console.WriteLine($"### Generated bindings: call cost (ns per call, {CpuClock.Description}, best / median of repeated batches of {Batch})");
            Console.WriteLine();
            Console.WriteLine($"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine("| case | generated, typed path (now) | generated, ComponentValue path (before) | before / now |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            // area allocates nothing in the guest, so one long-lived instance per side can serve every batch.
            using var longStore = new Store(engine);
            var longTyped = pre.Instantiate(longStore);
            var longArea = dynamicLinker.Instantiate(longStore, component).GetFunction("area")!;
            rows.Add(("variant: area(shape) -> f32, one long-lived instance", () => () => { for (var i = 0; i < Batch; i++) Check(longTyped.Area(rect) == 15f); },
                () => () => { for (var i = 0; i < Batch; i++) Check(longArea.Call(LowerShape(rect))!.AsF32() == 15f); }));
            // count-to(n) allocates nothing either: per export call the guest makes n + 2 host calls on the imported
            // resource `tally` ([constructor], n x [method]add, [method]total) and drops it (the host's Dispose).
            var longCountTo = dynamicLinker.Instantiate(longStore, component).GetFunction("count-to")!;
            rows.Add(($"host imports: count-to({CountTo}) -> s32, one long-lived instance; per host call", () => () =>
                {
                    for (var i = 0; i < Batch / HostCallsPerCountTo; i++) Check(longTyped.CountTo(CountTo) == CountTo * (CountTo + 1) / 2);
                },
                () => () =>
                {
                    for (var i = 0; i < Batch / HostCallsPerCountTo; i++) Check(longCountTo.Call(ComponentValue.S32(CountTo))!.AsS32() == CountTo * (CountTo + 1) / 2);
                }));
            foreach (var (name, typedCase, dynamicCase) in rows)
            {
                var now = Measure(typedCase, seconds);
                var before = Measure(dynamicCase, seconds);
                Console.WriteLine($"| {name} | {Ns(now.Best)} / {Ns(now.Median)} | {Ns(before.Best)} / {Ns(before.Median)} | {(before.Best / now.Best).ToString("0.0", Inv)}x |");
            }
            fresh.Next().Dispose();
            return 0;
        }

        private static (double Best, double Median) Measure(Func<Action> make, double seconds)
        {
            var warm = Stopwatch.StartNew();
            do make()(); while (warm.Elapsed.TotalSeconds < 0.3);
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            while (times.Count < 5 || (times.Count < 300 && total.Elapsed.TotalSeconds < seconds / 2))
            {
                var body = make();
                body(); // the first calls on a fresh instance are not the steady state (measured apart below)
                var start = CpuClock.Now();
                body();
                times.Add(CpuClock.Now() - start);
            }
            var ns = times.Select(t => t * 1e9 / Batch).Order().ToList();
            return (ns[0], ns[ns.Count / 2]);
        }

        /// <summary>One store at a time: the previous one (and its instance) is disposed when the next is made.</summary>
        private sealed class Fresh(Engine engine)
        {
            private Store? _current;

            public Store Next()
            {
                _current?.Dispose();
                _current = new Store(engine);
                return _current;
            }
        }

        private static void Check(bool ok)
        {
            if (!ok) throw new InvalidOperationException("wrong result");
        }

        // ---- the ComponentValue conversions the generator wrote before the typed path ----

        private static ComponentValue LowerPoint(KPoint v) =>
            ComponentValue.Record(("x", ComponentValue.S32(v.X)), ("y", ComponentValue.S32(v.Y)));

        private static KPoint LiftPoint(ComponentValue v)
        {
            var fields = v.AsRecord();
            return new KPoint(fields[0].Value.AsS32(), fields[1].Value.AsS32());
        }

        private static ComponentValue LowerShape(KShape v) => v switch
        {
            KShape.Circle c => ComponentValue.Variant("circle", ComponentValue.F32(c.Value)),
            KShape.Rect r => ComponentValue.Variant("rect", LowerPoint(r.Value)),
            KShape.Empty => ComponentValue.Variant("empty"),
            _ => throw new ArgumentException("unknown case", nameof(v)),
        };

        private static void DynamicImports(ComponentLinker linker, Host host)
        {
            var root = linker.Root();
            var table = new ResourceTable();
            root.AddInstance("e2e:kitchen/types");
            var instance = root.AddInstance("e2e:kitchen/host");
            instance.DefineResource("tally", ResourceType.Host<ITally>(), rep => table.Delete<ITally>(rep).Dispose());
            instance.DefineFunction("log", (args, results) => host.Log(args[0].AsString()));
            instance.DefineFunction("offset", (args, results) => results[0] = LowerPoint(host.Offset()));
            instance.DefineFunction("[constructor]tally", (args, results) => results[0] = ComponentValue.Own(table.Push<ITally>(host.CreateTally(args[0].AsS32()))));
            instance.DefineFunction("[method]tally.add", (args, results) => table.Get<ITally>(args[0].AsResource().Rep).Add(args[1].AsS32()));
            instance.DefineFunction("[method]tally.total", (args, results) => results[0] = ComponentValue.S32(table.Get<ITally>(args[0].AsResource().Rep).Total()));
        }

        private static string KitchenWasm()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "tests", "Generator.EndToEnd.Tests", "components", "kitchen.wasm");
                    if (File.Exists(candidate)) return candidate;
                }
            }
            throw new FileNotFoundException("tests/Generator.EndToEnd.Tests/components/kitchen.wasm not found above " + AppContext.BaseDirectory);
        }

        private static string Ns(double ns) => ns.ToString(ns < 100 ? "0.0" : "0", Inv);

        private static string LoadAverage()
        {
            try
            {
                return File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException)
            {
                return "?";
            }
        }

        private sealed class Host : Kitchen.IImports
        {
            public void Log(string msg)
            {
            }

            public KPoint Offset() => new(10, 20);

            public ITally CreateTally(int start) => new Tally(start);
        }

        private sealed class Tally(int value) : ITally
        {
            public void Add(int n) => value += n;

            public int Total() => value;

            public void Dispose()
            {
            }
        }
    }
}

namespace Benchmarks.Generated
{
    /// <summary>Bindings generated in this project's build from the end-to-end tests' kitchen world.</summary>
    [ComponentImport("../../tests/Generator.EndToEnd.Tests/components/kitchen/world.wit", World = "kitchen", Namespace = "Benchmarks.Generated")]
    public partial class Kitchen;
}
#endif
