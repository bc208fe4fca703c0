import {
  allOf,
  anyOf,
  attributeBelow,
  attributeExists,
  attributeIn,
  attributeNotExists,
  conditionInput,
  UpdateExpression,
} from '../../../src/storage/dynamodb/expressions';

describe('UpdateExpression', () => {
  it('builds SET and REMOVE clauses with their names and values, merged with a condition', () => {
    const update = new UpdateExpression().set('name', 'x').increment('version', 1).remove('description');

    const input = update.build(attributeIn('version', [3, 4]));

    expect(input).toEqual({
      UpdateExpression: 'SET #name = :name, #version = #version + :versionIncrement REMOVE #description',
      ExpressionAttributeNames: { '#name': 'name', '#version': 'version', '#description': 'description' },
      ExpressionAttributeValues: { ':name': 'x', ':versionIncrement': 1, ':version0': 3, ':version1': 4 },
      ConditionExpression: '#version IN (:version0, :version1)',
    });
  });

  it('adds to a counter with ADD, conditioned on room below a limit (the media slot)', () => {
    const input = new UpdateExpression()
      .add('mediaCount', 1)
      .build(
        allOf(
          attributeExists('pk'),
          anyOf(attributeNotExists('mediaCount'), attributeBelow('mediaCount', 20)),
        ),
      );

    expect(input).toEqual({
      UpdateExpression: 'ADD #mediaCount :mediaCountAdd',
      ExpressionAttributeNames: { '#mediaCount': 'mediaCount', '#pk': 'pk' },
      ExpressionAttributeValues: { ':mediaCountAdd': 1, ':mediaCountBelow': 20 },
      ConditionExpression:
        '(attribute_exists(#pk)) AND ((attribute_not_exists(#mediaCount)) OR (#mediaCount < :mediaCountBelow))',
    });
  });

  it('leaves out ExpressionAttributeValues when there are none, which DynamoDB would reject as empty', () => {
    expect(new UpdateExpression().remove('description').build()).toEqual({
      UpdateExpression: 'REMOVE #description',
      ExpressionAttributeNames: { '#description': 'description' },
    });
  });
});

describe('conditions', () => {
  it('joins conditions with AND, each parenthesised, keeping every name and value', () => {
    const condition = allOf(attributeExists('pk'), attributeIn('version', [1]));

    expect(condition).toEqual({
      expression: '(attribute_exists(#pk)) AND (#version IN (:version0))',
      names: { '#pk': 'pk', '#version': 'version' },
      values: { ':version0': 1 },
    });
  });

  it.each([
    [
      attributeNotExists('pk'),
      { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } },
    ],
    [
      attributeIn('status', ['a']),
      {
        ConditionExpression: '#status IN (:status0)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status0': 'a' },
      },
    ],
  ])('renders %o as command input', (condition, expected) => {
    expect(conditionInput(condition)).toEqual(expected);
  });
});
