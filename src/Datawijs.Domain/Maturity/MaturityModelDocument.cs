using System.Text.Json;

namespace Datawijs.Domain.Maturity;

/// <summary>
/// Reads maturity models from their JSON form (see <c>default-model-v1.json</c>). One document
/// holds the shared levels and categories; every model in it is a variant: the full variant asks
/// all questions, the quick variant only the questions marked <c>"quick": true</c>. Question ids
/// are the same in both variants, so a quick answer means the same as the full one.
/// </summary>
public static class MaturityModelDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Parses and checks a model document. A broken document is a programming error (the models
    /// ship with the code), so problems throw <see cref="InvalidDataException"/>.
    /// </summary>
    public static IReadOnlyList<MaturityModel> Parse(string json)
    {
        var document = JsonSerializer.Deserialize<DocumentDto>(json, Options)
            ?? throw new InvalidDataException("The maturity model document is empty.");

        var levels = MaturityModel.Freeze((document.Levels ?? Fail<List<LevelDto>>("levels"))
            .Select(l => new MaturityLevel(
                l.Level,
                Required(l.Id, "level id"),
                Text(l.Name, $"name of level {l.Level}"),
                Text(l.Description, $"description of level {l.Level}"),
                l.Threshold))
            .OrderBy(l => l.Number));

        var categoryDtos = document.Categories ?? Fail<List<CategoryDto>>("categories");
        var models = new List<MaturityModel>();
        foreach (var modelDto in document.Models ?? Fail<List<ModelDto>>("models"))
        {
            var id = Required(modelDto.Id, "model id");
            var variant = modelDto.Variant switch
            {
                "full" => ModelVariant.Full,
                "quick" => ModelVariant.Quick,
                _ => throw new InvalidDataException($"Model '{id}' has unknown variant '{modelDto.Variant}'."),
            };
            var categories = MaturityModel.Freeze(categoryDtos.Select(c => ToCategory(c, variant)));
            var model = new MaturityModel(
                id,
                document.Version,
                variant,
                Text(modelDto.Name, $"name of model {id}"),
                Text(modelDto.Description, $"description of model {id}"),
                levels,
                categories);
            Check(model);
            models.Add(model);
        }

        return MaturityModel.Freeze(models);
    }

    private static MaturityCategory ToCategory(CategoryDto dto, ModelVariant variant)
    {
        var id = Required(dto.Id, "category id");
        var questions = (dto.Questions ?? Fail<List<QuestionDto>>($"questions of {id}"))
            .Where(q => variant == ModelVariant.Full || q.Quick)
            .Select(q =>
            {
                var questionId = Required(q.Id, $"question id in {id}");
                return new MaturityQuestion(
                    questionId,
                    Text(q.Text, $"text of {questionId}"),
                    q.Weight,
                    MaturityModel.Freeze((q.Levels ?? Fail<List<TextDto>>($"levels of {questionId}"))
                        .Select((t, i) => Text(t, $"level {i + 1} of {questionId}"))));
            });
        var advice = (dto.Advice ?? Fail<List<AdviceDto>>($"advice of {id}"))
            .Select(a =>
            {
                var adviceId = Required(a.Id, $"advice id in {id}");
                var effort = CategoryAdvice.ParseEffort(a.Effort)
                    ?? throw new InvalidDataException($"Advice '{adviceId}' needs an effort of small, medium or large, not '{a.Effort}'.");
                return new CategoryAdvice(a.Level, adviceId, Text(a.Text, $"advice {a.Level} of {id}"), effort);
            })
            .OrderBy(a => a.Level);
        return new MaturityCategory(id, Text(dto.Name, $"name of {id}"), dto.Weight, MaturityModel.Freeze(questions), MaturityModel.Freeze(advice));
    }

    private static void Check(MaturityModel model)
    {
        var levelNumbers = model.Levels.Select(l => l.Number).ToList();
        if (levelNumbers.Count == 0 || !levelNumbers.SequenceEqual(Enumerable.Range(1, levelNumbers.Count)))
        {
            throw new InvalidDataException($"Model '{model.Id}' must number its levels 1..n.");
        }

        if (!model.Levels.Zip(model.Levels.Skip(1)).All(p => p.First.Threshold < p.Second.Threshold))
        {
            throw new InvalidDataException($"Model '{model.Id}' must have rising level thresholds.");
        }

        var ids = model.Categories.Select(c => c.Id)
            .Concat(model.AllQuestions().Select(x => x.Question.Id))
            .Concat(model.Categories.SelectMany(c => c.Advice.Select(a => a.Id)))
            .ToList();
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Model '{model.Id}' uses id '{duplicate.Key}' more than once.");
        }

        foreach (var category in model.Categories)
        {
            if (category.Weight <= 0 || category.Questions.Count == 0)
            {
                throw new InvalidDataException($"Category '{category.Id}' needs a positive weight and at least one question.");
            }

            if (!category.Advice.Select(a => a.Level).SequenceEqual(levelNumbers))
            {
                throw new InvalidDataException($"Category '{category.Id}' needs exactly one piece of advice per level.");
            }

            foreach (var question in category.Questions)
            {
                if (question.Weight <= 0 || question.LevelDescriptors.Count != levelNumbers.Count)
                {
                    throw new InvalidDataException($"Question '{question.Id}' needs a positive weight and one descriptor per level.");
                }
            }
        }
    }

    private static LocalizedText Text(TextDto? dto, string what) =>
        new(Required(dto?.Nl, $"Dutch {what}"), Required(dto?.En, $"English {what}"));

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"The maturity model document lacks the {what}.") : value;

    private static T Fail<T>(string what) => throw new InvalidDataException($"The maturity model document lacks {what}.");

    private sealed class DocumentDto
    {
        public int Version { get; init; }
        public List<ModelDto>? Models { get; init; }
        public List<LevelDto>? Levels { get; init; }
        public List<CategoryDto>? Categories { get; init; }
    }

    private sealed class ModelDto
    {
        public string? Id { get; init; }
        public string? Variant { get; init; }
        public TextDto? Name { get; init; }
        public TextDto? Description { get; init; }
    }

    private sealed class LevelDto
    {
        public int Level { get; init; }
        public string? Id { get; init; }
        public double Threshold { get; init; }
        public TextDto? Name { get; init; }
        public TextDto? Description { get; init; }
    }

    private sealed class CategoryDto
    {
        public string? Id { get; init; }
        public double Weight { get; init; }
        public TextDto? Name { get; init; }
        public List<AdviceDto>? Advice { get; init; }
        public List<QuestionDto>? Questions { get; init; }
    }

    private sealed class AdviceDto
    {
        public int Level { get; init; }
        public string? Id { get; init; }
        public string? Effort { get; init; }
        public TextDto? Text { get; init; }
    }

    private sealed class QuestionDto
    {
        public string? Id { get; init; }
        public bool Quick { get; init; }
        public double Weight { get; init; }
        public TextDto? Text { get; init; }
        public List<TextDto>? Levels { get; init; }
    }

    private sealed class TextDto
    {
        public string? Nl { get; init; }
        public string? En { get; init; }
    }
}
