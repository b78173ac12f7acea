using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.MaturityModels;

/// <summary>A questionnaire in the list: enough to pick one.</summary>
public sealed class MaturityModelSummary
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>full or quick (one question per category).</summary>
    [Datawijs.Api.OpenApi.WireValues("full", "quick")]
    public string Variant { get; init; } = "";

    public int Version { get; init; }

    public static MaturityModelSummary From(MaturityModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new MaturityModelSummary
        {
            Id = model.Id,
            Name = model.Name.In(language),
            Description = model.Description.In(language),
            Variant = VariantId(model.Variant),
            Version = model.Version,
        };
    }

    public static string VariantId(ModelVariant variant) => variant == ModelVariant.Quick ? "quick" : "full";
}

public sealed class MaturityModelList
{
    public IReadOnlyList<MaturityModelSummary> Items { get; init; } = [];
}

/// <summary>A versioned questionnaire with everything a respondent and a reader of the advice need.</summary>
public sealed class MaturityModelDetail
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>full or quick.</summary>
    [Datawijs.Api.OpenApi.WireValues("full", "quick")]
    public string Variant { get; init; } = "";

    public int Version { get; init; }

    /// <summary>The five maturity levels; a score reaches a level when it is at least its threshold.</summary>
    public IReadOnlyList<MaturityLevelView> Levels { get; init; } = [];

    public IReadOnlyList<MaturityCategoryView> Categories { get; init; } = [];

    public static MaturityModelDetail From(MaturityModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new MaturityModelDetail
        {
            Id = model.Id,
            Name = model.Name.In(language),
            Description = model.Description.In(language),
            Variant = MaturityModelSummary.VariantId(model.Variant),
            Version = model.Version,
            Levels = model.Levels.Select(l => new MaturityLevelView
            {
                Level = l.Number, Id = l.Id, Name = l.Name.In(language), Description = l.Description.In(language), Threshold = l.Threshold,
            }).ToList(),
            Categories = model.Categories.Select(c => new MaturityCategoryView
            {
                Id = c.Id,
                Name = c.Name.In(language),
                Weight = c.Weight,
                Questions = c.Questions.Select(q => new MaturityQuestionView
                {
                    Id = q.Id,
                    Text = q.Text.In(language),
                    Weight = q.Weight,
                    LevelDescriptors = q.LevelDescriptors.Select((d, i) => new LevelDescriptorView { Value = i + 1, Text = d.In(language) }).ToList(),
                }).ToList(),
                Advice = c.Advice.Select(a => new CategoryAdviceView { Level = a.Level, Id = a.Id, Text = a.Text.In(language), Effort = CategoryAdvice.EffortId(a.Effort) }).ToList(),
            }).ToList(),
        };
    }
}

public sealed class MaturityLevelView
{
    public int Level { get; init; }

    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public double Threshold { get; init; }
}

public sealed class MaturityCategoryView
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Weight of the category in the overall score.</summary>
    public double Weight { get; init; }

    public IReadOnlyList<MaturityQuestionView> Questions { get; init; } = [];

    /// <summary>Per level: how a category at that level reaches the next one.</summary>
    public IReadOnlyList<CategoryAdviceView> Advice { get; init; } = [];
}

public sealed class MaturityQuestionView
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>Weight of the question within its category.</summary>
    public double Weight { get; init; }

    /// <summary>What each answer 1–5 means.</summary>
    public IReadOnlyList<LevelDescriptorView> LevelDescriptors { get; init; } = [];
}

public sealed class LevelDescriptorView
{
    /// <summary>The answer value, 1–5.</summary>
    public int Value { get; init; }

    public string Text { get; init; } = "";
}

public sealed class CategoryAdviceView
{
    /// <summary>The level the category stands at when this advice applies.</summary>
    public int Level { get; init; }

    public string Id { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>How much work the step takes: small (weeks, people in place), medium (a project of months) or large (a programme of a year or more).</summary>
    [Datawijs.Api.OpenApi.WireValues("small", "medium", "large")]
    public string Effort { get; init; } = "";
}
