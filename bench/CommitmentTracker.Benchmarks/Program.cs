using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CommitmentTracker.Benchmarks.ExtractionBenchmarks).Assembly).Run(args);
