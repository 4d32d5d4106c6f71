using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Simulator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Simulator.Benchmarks.SleepingUsersBenchmark).Assembly).Run(args);
