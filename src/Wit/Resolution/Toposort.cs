using System.Collections.Generic;
using WitSharp.Wit.Diagnostics;
using WitSharp.Wit.Syntax;

namespace WitSharp.Wit.Resolution;

/// <summary>Dependency ordering of named items (interfaces/worlds of a package, types of an interface), as the
/// reference's <c>ast/toposort.rs</c>: nodes come out in dependency order and, among nodes ready at the same time,
/// in source order, so the output is stable for a given graph.</summary>
internal static class Toposort
{
    /// <summary>Orders <paramref name="deps"/> (name → names it uses). <paramref name="kind"/> names the items in
    /// errors: "<c>{kind} `x` does not exist</c>" for a missing target, "<c>{kind} `x` depends on itself</c>" for a cycle.</summary>
    public static List<string> Sort(string kind, OrderedMap<string, List<Id>> deps)
    {
        var n = deps.Count;
        var remaining = new int[n];
        var reverse = new List<int>?[n];
        for (var i = 0; i < n; i++)
        {
            var edges = deps[i].Value;
            remaining[i] = edges.Count;
            foreach (var edge in edges)
            {
                var j = deps.IndexOf(edge.Name);
                if (j < 0) throw new SpanException(edge.Span, kind + " `" + edge.Name + "` does not exist");
                (reverse[j] ??= new List<int>()).Add(i);
            }
        }

        // A min-heap on the source index: of the nodes whose dependencies are all placed, the first declared goes
        // next. A plain int[] heap rather than SortedSet<int>: each generic collection over a value type is code
        // of its own for the JIT on the generator's cold path (docs/benchmarks.md "Generator").
        var ready = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (remaining[i] == 0) Push(ready, ref count, i);
        }
        var order = new List<string>(n);
        while (count > 0)
        {
            var i = Pop(ready, ref count);
            order.Add(deps[i].Key);
            if (reverse[i] is not { } rev) continue;
            reverse[i] = null;
            foreach (var k in rev)
            {
                if (--remaining[k] == 0) Push(ready, ref count, k);
            }
        }
        if (order.Count == n) return order;

        // Some node still waits on an edge: report the first edge between two unplaced nodes.
        for (var i = 0; i < n; i++)
        {
            if (remaining[i] == 0) continue;
            foreach (var dep in deps[i].Value)
            {
                if (remaining[deps.IndexOf(dep.Name)] == 0) continue;
                throw new SpanException(dep.Span, kind + " `" + dep.Name + "` depends on itself");
            }
        }
        throw new System.InvalidOperationException("toposort: cycle without an edge");
    }

    // Each node enters the heap once (when its last dependency is placed), so n slots suffice.
    private static void Push(int[] heap, ref int count, int value)
    {
        var i = count++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (heap[parent] <= value) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
    }

    private static int Pop(int[] heap, ref int count)
    {
        var top = heap[0];
        var last = heap[--count];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && heap[child + 1] < heap[child]) child++;
            if (last <= heap[child]) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return top;
    }
}
