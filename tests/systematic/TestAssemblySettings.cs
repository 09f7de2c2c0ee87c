using Xunit;

// One Coyote engine at a time: each engine takes over scheduling of the tasks it controls, and the machine has
// two cores (../shared/NOTES-dotnet.md, item 12) — parallel explorations would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
