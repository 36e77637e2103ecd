import { Construct } from 'constructs';
import type { ResourceDeclaration } from './enrollment-resource';
import { EnrollmentResource, type AssignmentDeclaration } from './enrollment-resource';
import type { PropShape } from './prop-check';

/** Props of an {@link AppleConfiguratorDevice}. */
export interface AppleConfiguratorDeviceProps {
  /** The device's serial number, as Apple Configurator and the device's Settings > General > About show it. */
  readonly serialNumber: string;
  /**
   * What the device is, shown beside the serial number in Intune.
   * @default - no description
   */
  readonly description?: string;
}

const PROPS: PropShape<AppleConfiguratorDeviceProps> = { serialNumber: true, description: true };

/**
 * A device imported by serial number to the account's Apple Configurator enrollment
 * (`importedAppleDeviceIdentity`, imported with `importAppleDeviceIdentityList`). Import devices
 * before an {@link AppleConfiguratorProfile} assigns them; plan orders the import first.
 */
export class AppleConfiguratorDevice extends EnrollmentResource<'configuratorDevice'> {
  /** The device's serial number. */
  readonly serialNumber: string;

  constructor(scope: Construct, id: string, props: AppleConfiguratorDeviceProps) {
    super(scope, id, 'configuratorDevice', { displayName: props.serialNumber, ...(props.description !== undefined ? { description: props.description } : {}) });
    this.checkProps(props, PROPS);
    this.serialNumber = props.serialNumber;
  }

  /** The device as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf({ serialNumber: this.serialNumber });
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return [];
  }
}

/** Props of {@link AppleConfiguratorDevices}. */
export interface AppleConfiguratorDevicesProps {
  /** The devices, by serial number, each with an optional description. */
  readonly devices: readonly AppleConfiguratorDeviceProps[];
}

/**
 * Devices imported by serial number to the Apple Configurator account, as a list (one
 * {@link AppleConfiguratorDevice} each, named by its serial number).
 */
export class AppleConfiguratorDevices extends Construct {
  /** The devices, in declaration order. */
  readonly devices: readonly AppleConfiguratorDevice[];

  constructor(scope: Construct, id: string, props: AppleConfiguratorDevicesProps) {
    super(scope, id);
    this.devices = props.devices.map((device) => new AppleConfiguratorDevice(this, device.serialNumber, device));
  }

  /** The serial numbers, to assign the devices to a profile. */
  get serialNumbers(): string[] {
    return this.devices.map((d) => d.serialNumber);
  }
}
