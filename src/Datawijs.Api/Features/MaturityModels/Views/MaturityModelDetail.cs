using Datawijs.Domain;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.MaturityModels.Views;

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
