/**
 * The items table: the key design of src/storage/dynamodb/table-design.ts, on demand, recoverable,
 * and the one grant that lets a role call what the repository calls.
 */
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ITEMS_TABLE, type TableIndex } from '../../src/storage/dynamodb/table-design';
import { dataRemovalPolicy, type StageConfig } from '../stage-config';

/** The DynamoDB operations the repository calls, and no others. */
export const REPOSITORY_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.QUERY,
] as const;

/** The IAM actions for REPOSITORY_OPERATIONS. */
export const REPOSITORY_ACTIONS = REPOSITORY_OPERATIONS.map((operation) => `dynamodb:${operation}`);

const PROJECTION_TYPES: Record<TableIndex['projection'], dynamodb.ProjectionType> = {
  ALL: dynamodb.ProjectionType.ALL,
  KEYS_ONLY: dynamodb.ProjectionType.KEYS_ONLY,
};

export interface ItemsTableProps {
  /** The physical name prefix, `items-api-<stage>`. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'retainData'>;
}

/** The items table and its indexes, created in `scope` itself (see ItemsApiStack). */
export class ItemsTable {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, { name, config }: ItemsTableProps) {
    this.table = new dynamodb.Table(scope, 'Items', {
      tableName: `${name}-items`,
      partitionKey: { name: ITEMS_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: ITEMS_TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS-owned key: encrypted at rest at no cost and with no KMS permissions for the function.
      encryption: dynamodb.TableEncryption.DEFAULT,
      deletionProtection: config.retainData,
      removalPolicy: dataRemovalPolicy(config),
      // The table stream worker reads removals: REMOVE events and tombstones' MODIFY (infra/constructs/media.ts).
      stream: dynamodb.StreamViewType[ITEMS_TABLE.streamViewType],
      // Idempotency records and tombstones carry it; DynamoDB deletes them some time after it (the code checks it).
      timeToLiveAttribute: ITEMS_TABLE.timeToLiveAttribute,
    });
    for (const index of ITEMS_TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        ...(index.sortKey !== undefined && {
          sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        }),
        projectionType: PROJECTION_TYPES[index.projection],
      });
    }
  }

  /** Lets `role` call the repository's operations on the table and its status index, nothing more. */
  grantRepositoryAccess(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...REPOSITORY_ACTIONS],
        resources: [this.table.tableArn, `${this.table.tableArn}/index/${ITEMS_TABLE.statusIndex.name}`],
      }),
    );
  }
}
