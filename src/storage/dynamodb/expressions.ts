/**
 * Builders for DynamoDB expressions with their attribute names and values kept together, so a
 * repository writes `set('name', value)` instead of juggling placeholders. Shared by every
 * repository on the table; placeholders are derived from attribute names, so two parts of one
 * expression never collide unless they mean the same attribute.
 */

export type AttributeNames = Record<string, string>;
export type AttributeValues = Record<string, unknown>;

/** A condition expression with the names and values it refers to. */
export interface Condition {
  readonly expression: string;
  readonly names: AttributeNames;
  readonly values: AttributeValues;
}

/** The parts of a command input a condition fills; values only when it has some (DynamoDB rejects `{}`). */
export function conditionInput(condition: Condition): {
  ConditionExpression: string;
  ExpressionAttributeNames: AttributeNames;
  ExpressionAttributeValues?: AttributeValues;
} {
  return {
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ...(Object.keys(condition.values).length > 0 && { ExpressionAttributeValues: condition.values }),
  };
}

/** Every condition must hold. */
export function allOf(...conditions: readonly Condition[]): Condition {
  return {
    expression: conditions.map((condition) => `(${condition.expression})`).join(' AND '),
    names: Object.assign({}, ...conditions.map((condition) => condition.names)),
    values: Object.assign({}, ...conditions.map((condition) => condition.values)),
  };
}

/** At least one condition holds. */
export function anyOf(...conditions: readonly Condition[]): Condition {
  return {
    expression: conditions.map((condition) => `(${condition.expression})`).join(' OR '),
    names: Object.assign({}, ...conditions.map((condition) => condition.names)),
    values: Object.assign({}, ...conditions.map((condition) => condition.values)),
  };
}

/** The attribute differs from `value`; pair with attributeNotExists for records that may lack it. */
export function attributeNotEqual(attribute: string, value: unknown): Condition {
  return {
    expression: `#${attribute} <> :${attribute}Other`,
    names: { [`#${attribute}`]: attribute },
    values: { [`:${attribute}Other`]: value },
  };
}

/** The attribute does not start with `prefix`; pair with attributeNotExists for records that may lack it. */
export function attributeNotBeginningWith(attribute: string, prefix: string): Condition {
  return {
    expression: `NOT begins_with(#${attribute}, :${attribute}Prefix)`,
    names: { [`#${attribute}`]: attribute },
    values: { [`:${attribute}Prefix`]: prefix },
  };
}

/** The attribute is less than `value`. */
export function attributeBelow(attribute: string, value: unknown): Condition {
  return {
    expression: `#${attribute} < :${attribute}Below`,
    names: { [`#${attribute}`]: attribute },
    values: { [`:${attribute}Below`]: value },
  };
}

/** The attribute is less than or equal to `value`. */
export function attributeAtMost(attribute: string, value: unknown): Condition {
  return {
    expression: `#${attribute} <= :${attribute}Max`,
    names: { [`#${attribute}`]: attribute },
    values: { [`:${attribute}Max`]: value },
  };
}

export function attributeExists(attribute: string): Condition {
  return {
    expression: `attribute_exists(#${attribute})`,
    names: { [`#${attribute}`]: attribute },
    values: {},
  };
}

export function attributeNotExists(attribute: string): Condition {
  return {
    expression: `attribute_not_exists(#${attribute})`,
    names: { [`#${attribute}`]: attribute },
    values: {},
  };
}

/** The attribute equals one of `values` (at most 100: DynamoDB's limit for IN). */
export function attributeIn(attribute: string, values: readonly unknown[]): Condition {
  const placeholders = values.map((_, index) => `:${attribute}${index}`);
  return {
    expression: `#${attribute} IN (${placeholders.join(', ')})`,
    names: { [`#${attribute}`]: attribute },
    values: Object.fromEntries(placeholders.map((placeholder, index) => [placeholder, values[index]])),
  };
}

/** An UpdateExpression under construction: SET and REMOVE clauses with their names and values. */
export class UpdateExpression {
  private readonly sets: string[] = [];
  private readonly removes: string[] = [];
  private readonly adds: string[] = [];
  private readonly names: AttributeNames = {};
  private readonly values: AttributeValues = {};

  /** `attribute = value`. */
  set(attribute: string, value: unknown): this {
    this.names[`#${attribute}`] = attribute;
    this.values[`:${attribute}`] = value;
    this.sets.push(`#${attribute} = :${attribute}`);
    return this;
  }

  /** `attribute = attribute + amount`. */
  increment(attribute: string, amount: number): this {
    this.names[`#${attribute}`] = attribute;
    this.values[`:${attribute}Increment`] = amount;
    this.sets.push(`#${attribute} = #${attribute} + :${attribute}Increment`);
    return this;
  }

  /** `ADD attribute amount`: counts from 0 on a record that lacks the attribute. */
  add(attribute: string, amount: number): this {
    this.names[`#${attribute}`] = attribute;
    this.values[`:${attribute}Add`] = amount;
    this.adds.push(`#${attribute} :${attribute}Add`);
    return this;
  }

  remove(attribute: string): this {
    this.names[`#${attribute}`] = attribute;
    this.removes.push(`#${attribute}`);
    return this;
  }

  /** The command input's update parts, merged with a condition's names and values. */
  build(condition?: Condition): {
    UpdateExpression: string;
    ExpressionAttributeNames: AttributeNames;
    ExpressionAttributeValues?: AttributeValues;
    ConditionExpression?: string;
  } {
    const clauses = [
      ...(this.sets.length > 0 ? [`SET ${this.sets.join(', ')}`] : []),
      ...(this.removes.length > 0 ? [`REMOVE ${this.removes.join(', ')}`] : []),
      ...(this.adds.length > 0 ? [`ADD ${this.adds.join(', ')}`] : []),
    ];
    const values = { ...this.values, ...condition?.values };
    return {
      UpdateExpression: clauses.join(' '),
      ExpressionAttributeNames: { ...this.names, ...condition?.names },
      ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
      ...(condition !== undefined && { ConditionExpression: condition.expression }),
    };
  }
}
