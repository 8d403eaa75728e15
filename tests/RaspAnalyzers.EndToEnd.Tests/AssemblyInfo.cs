// Each test starts builds of its own; on a two-core machine running them side by side only makes each one slower
// and lets them fight over the same NuGet cache entries.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
