using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench -- --filter '*'   (see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Verified.Bench.LokiRoutingBenchmarks).Assembly).Run(args);
